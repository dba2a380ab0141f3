package io.tradingedu.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Spring's {@link ForwardedHeaderFilter} for requests from a trusted proxy only. Anyone can send
 * {@code X-Forwarded-Host: evil.example} or {@code X-Forwarded-For: 127.0.0.1}; believed from anyone, they would
 * rewrite the links and Location headers the service answers with and the client address it logs. From a peer
 * outside {@link TrustedProxies} the headers are dropped before anything reads them, so the request is seen as it
 * reached the service. It replaces Boot's own instance (same type, same place at the head of the chain).
 */
class TrustedForwardedHeaderFilter extends ForwardedHeaderFilter {

    private final TrustedProxies proxies;

    TrustedForwardedHeaderFilter(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxies.trusts(request.getRemoteAddr())) {
            super.doFilterInternal(request, response, chain);
        } else {
            chain.doFilter(new WithoutForwardedHeaders(request), response);
        }
    }

    /** An error dispatch carries the original request again: the same decision, or its headers would be believed. */
    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
                                               FilterChain chain) throws ServletException, IOException {
        if (proxies.trusts(request.getRemoteAddr())) {
            super.doFilterNestedErrorDispatch(request, response, chain);
        } else {
            chain.doFilter(new WithoutForwardedHeaders(request), response);
        }
    }

    static boolean isForwardedHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("forwarded") || lower.startsWith("x-forwarded-");
    }

    private static final class WithoutForwardedHeaders extends HttpServletRequestWrapper {

        WithoutForwardedHeaders(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return isForwardedHeader(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isForwardedHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !isForwardedHeader(name)).toList());
        }
    }
}
