package io.tradingedu.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and, when the token checks out, makes it the request's
 * authentication. A request without a bearer token goes on anonymous (the policy decides whether that is enough);
 * a token that is refused ends the request with a 401, one that cannot be checked now with a 503 — except on the open
 * paths (health, readiness): a probe that sends a key while the database is down still gets the health answer,
 * DOWN, without the details a checked credential would see.
 */
final class BearerAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerAuthenticationFilter.class);
    /** RFC 6750's b64token; longer than any JWT a sane issuer signs is refused unread. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final BearerCredentials credentials;
    private final AccessPolicy policy;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    /** Kept with the request, so that its async and error dispatches (streamed answers) stay authenticated. */
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    BearerAuthenticationFilter(BearerCredentials credentials, AccessPolicy policy) {
        this.credentials = credentials;
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        Credential credential;
        try {
            if (token.length() > MAX_TOKEN_LENGTH || !TOKEN.matcher(token).matches()) {
                throw CredentialCheckException.refused("the bearer token is malformed: send Authorization: Bearer "
                        + "<API key or token>");
            }
            credential = credentials.check(token);
        } catch (CredentialCheckException e) {
            if (e.status().is5xxServerError() && policy.requiredScope(request).isEmpty()) {
                log.debug("a bearer credential on the open path {} cannot be checked now; answering it anonymously: {}",
                        request.getRequestURI(), e.getMessage());
                chain.doFilter(request, response);
                return;
            }
            log.debug("refused a bearer credential on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            AccessProblems.credentialFailed(request, response, e);
            return;
        } catch (RuntimeException e) {
            log.error("a bearer credential could not be checked on {} {}", request.getMethod(),
                    request.getRequestURI(), e);
            AccessProblems.checkFailed(request, response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(credential);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
