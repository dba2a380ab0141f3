package io.tradingedu.api.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The dashboard's own files are open: the page must load before anyone can paste a key into it. Only reads of
 * {@code /} (a redirect), {@code /ui} and {@code /ui/**} match this chain: the page, its scripts and styles, and
 * the signed links to a lesson's video, frame images and clip downloads (which carry their own proof,
 * {@link MediaLinks}; same-origin files, so the policy below needs no {@code blob:}). Every data endpoint stays in
 * the suite's access chain (service-support) and needs a key; a POST under {@code /ui/} does too.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {

    /**
     * Stricter than nginx's (docs/edge.md): no inline script or style at all, nothing from another origin. Both
     * apply behind nginx; without nginx this one alone.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain dashboardFilterChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher dashboardReads = new OrRequestMatcher(
                paths.matcher(HttpMethod.GET, "/"), paths.matcher(HttpMethod.HEAD, "/"),
                paths.matcher(HttpMethod.GET, "/ui"), paths.matcher(HttpMethod.HEAD, "/ui"),
                paths.matcher(HttpMethod.GET, "/ui/**"), paths.matcher(HttpMethod.HEAD, "/ui/**"));
        return http.securityMatcher(dashboardReads)
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
