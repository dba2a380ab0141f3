package io.tradingedu.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Who may do what, the same way in every service: stateless bearer credentials (API keys, the service token, JWTs
 * from a configured issuer), scopes checked by {@link AccessPolicy}, RFC 9457 problems for 401/403/503, and a CORS
 * allow-list. No sessions, no cookies, so no CSRF token and no login forms. docs/security.md says it all for users.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@EnableConfigurationProperties(AccessProperties.class)
public class AccessAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessAutoConfiguration.class);

    /** For calls to the other services of the suite (api-service's clients of the orchestrator, embeddings, ...). */
    @Bean
    ServiceCredential serviceCredential(AccessProperties properties) {
        return new ServiceCredential(properties.serviceToken());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableWebSecurity
    static class WebAccess {

        @Bean
        SecurityFilterChain accessFilterChain(HttpSecurity http, AccessProperties properties,
                                              ObjectProvider<DataSource> dataSource) throws Exception {
            http.csrf(csrf -> csrf.disable())
                    .httpBasic(basic -> basic.disable())
                    .formLogin(form -> form.disable())
                    .logout(logout -> logout.disable())
                    .requestCache(cache -> cache.disable())
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    // the allow-list below replaces Spring Security's CORS set-up, to answer refusals as problems
                    .cors(cors -> cors.disable())
                    .addFilter(corsFilter(properties.cors()));
            if (!properties.enabled()) {
                warnOpen();
                return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
            }
            AccessPolicy policy = new AccessPolicy(properties.readOnlyPosts(), properties.publicReads());
            DataSource database = dataSource.getIfAvailable();
            BearerCredentials credentials = new BearerCredentials(
                    database == null ? null : new ApiKeyStore(database, properties.apiKeyTable()),
                    properties.serviceToken(), properties.jwt().enabled() ? jwtDecoder(properties.jwt()) : null);
            describe(properties, database != null);
            return http
                    .addFilterBefore(new BearerAuthenticationFilter(credentials, policy),
                            AnonymousAuthenticationFilter.class)
                    .authorizeHttpRequests(requests -> requests.anyRequest().access(new ScopeCheck(policy)))
                    .exceptionHandling(errors -> errors
                            .authenticationEntryPoint((request, response, e) ->
                                    AccessProblems.credentialNeeded(request, response))
                            .accessDeniedHandler((request, response, e) -> denied(policy, request, response)))
                    .build();
        }

        private static void denied(AccessPolicy policy, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext()
                    .getAuthentication();
            Scope needed = policy.requiredScope(request).orElse(Scope.READ);
            String granted = authentication instanceof Credential credential ? credential.describeGranted()
                    : "no scope";
            AccessProblems.scopeMissing(request, response, needed, granted);
        }

        /**
         * The issuer's metadata and keys are fetched on the first JWT, not at start-up, and fetched again while
         * they fail: a service starts, and recovers, whether or not the issuer is up.
         */
        private static JwtDecoder jwtDecoder(AccessProperties.Jwt jwt) {
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
                decoder.setJwtValidator(jwtValidator(jwt));
                return decoder;
            });
        }

        /**
         * Signature aside, what a token must hold: this issuer, a time window that includes now, an expiry at all
         * (Spring accepts a token without {@code exp}, which would then be good forever), and the audience when
         * one is configured.
         */
        static OAuth2TokenValidator<Jwt> jwtValidator(AccessProperties.Jwt jwt) {
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(JwtValidators.createDefaultWithIssuer(jwt.issuerUri()));
            validators.add(token -> token.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                            "the token has no expiry (exp claim)", null)));
            if (!jwt.audience().isEmpty()) {
                validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(jwt.audience())));
            }
            return new DelegatingOAuth2TokenValidator<>(validators);
        }

        /**
         * One configuration for every path, even with no origin allowed: a cross-origin request (a page elsewhere
         * posting a "simple" form) is then refused with 403 instead of reaching a controller.
         */
        private static CorsFilter corsFilter(AccessProperties.Cors cors) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(cors.allowedOrigins());
            configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
            configuration.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            configuration.setExposedHeaders(List.of("Location", "Retry-After", "WWW-Authenticate"));
            // bearer tokens only: a browser's cookies must never authenticate anything here
            configuration.setAllowCredentials(false);
            configuration.setMaxAge(Duration.ofHours(1));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", configuration);
            CorsFilter filter = new CorsFilter(source);
            filter.setCorsProcessor(new ProblemCorsProcessor());
            return filter;
        }

        private static void describe(AccessProperties properties, boolean database) {
            log.info("access: bearer credentials required (API keys {}, service token {}, JWT {}); reads {}; "
                            + "CORS origins {}",
                    database ? "from " + properties.apiKeyTable() : "off (no database)",
                    properties.serviceTokenEnabled() ? "on" : "off (SERVICE_TOKEN empty)",
                    properties.jwt().enabled() ? "from " + properties.jwt().issuerUri() : "off",
                    properties.publicReads() ? "OPEN to everyone (SECURITY_PUBLIC_READS=true)" : "need the read scope",
                    properties.cors().allowedOrigins().isEmpty() ? "none" : properties.cors().allowedOrigins());
            properties.jwt().audienceWarning().ifPresent(log::warn);
        }

        private static void warnOpen() {
            for (String line : List.of(
                    "************************************************************************************",
                    "SECURITY IS OFF: SECURITY_ENABLED=false (security.enabled=false).",
                    "Every endpoint of this service answers anyone without a credential: uploads, deletes,",
                    "strategies, backtests, admin endpoints, metrics and health details.",
                    "Only do this on a machine nobody else can reach; unset SECURITY_ENABLED to turn it on.",
                    "************************************************************************************")) {
                log.warn(line);
            }
        }
    }

    /** Only in services that publish an OpenAPI document (springdoc), and only when credentials are checked. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    @ConditionalOnBooleanProperty(name = "security.enabled", matchIfMissing = true)
    static class OpenApiAccess {

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer bearerSchemeInOpenApi() {
            return OpenApiBearerScheme.customizer();
        }
    }

    /** Grants a request when its credential holds the scope the policy names (or the policy names none). */
    static final class ScopeCheck implements AuthorizationManager<RequestAuthorizationContext> {

        private final AccessPolicy policy;

        ScopeCheck(AccessPolicy policy) {
            this.policy = policy;
        }

        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                             RequestAuthorizationContext context) {
            Optional<Scope> needed = policy.requiredScope(context.getRequest());
            return new AuthorizationDecision(needed.isEmpty()
                    || authentication.get() instanceof Credential credential && credential.has(needed.get()));
        }
    }

    /** Spring's CORS checks, with a refusal answered as a problem instead of a bare "Invalid CORS request". */
    static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        @Override
        public boolean processRequest(CorsConfiguration config, HttpServletRequest request,
                                      HttpServletResponse response) throws IOException {
            // Spring hands the refusal only the response: it carries the request along for the problem
            return super.processRequest(config, request, new RequestBoundResponse(request, response));
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            if (response instanceof ServletServerHttpResponse servlet
                    && servlet.getServletResponse() instanceof RequestBoundResponse bound) {
                AccessProblems.originRefused(bound.request, bound);
            } else {
                super.rejectRequest(response);
            }
        }
    }

    private static final class RequestBoundResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        RequestBoundResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }
    }
}
