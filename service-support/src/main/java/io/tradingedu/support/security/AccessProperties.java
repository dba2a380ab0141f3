package io.tradingedu.support.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what (prefix {@code security}; docs/security.md). Every service reads the same settings.
 *
 * @param enabled       false opens every endpoint to everyone (SECURITY_ENABLED); logged loudly at start-up
 * @param serviceToken  the token the services send each other (SERVICE_TOKEN); empty turns this kind of credential off
 * @param publicReads   true opens GET/HEAD and the read-only POSTs to callers without a credential
 *                      (SECURITY_PUBLIC_READS); the admin and actuator endpoints stay closed
 * @param readOnlyPosts path patterns of POST endpoints that only read (a search with a body): they need the read
 *                      scope, not write
 * @param apiKeyTable   the table API keys are checked against; api-service owns and migrates it
 * @param jwt           JWTs from an OAuth2 issuer (Keycloak, ...), off unless an issuer is set
 * @param cors          the origins whose web pages may call the service
 */
@ConfigurationProperties("security")
public record AccessProperties(Boolean enabled, String serviceToken, Boolean publicReads, List<String> readOnlyPosts,
                               String apiKeyTable, Jwt jwt, Cors cors) {

    /** A service token shorter than this is refused at start-up: it would be guessable. */
    static final int MIN_SERVICE_TOKEN_LENGTH = 24;
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    public AccessProperties {
        enabled = enabled == null || enabled;
        serviceToken = serviceToken == null ? "" : serviceToken.strip();
        publicReads = publicReads != null && publicReads;
        readOnlyPosts = readOnlyPosts == null ? List.of()
                : readOnlyPosts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        apiKeyTable = apiKeyTable == null || apiKeyTable.isBlank() ? "access.api_key" : apiKeyTable.strip();
        jwt = jwt == null ? new Jwt(null, null) : jwt;
        cors = cors == null ? new Cors(null) : cors;
        if (!serviceToken.isEmpty() && serviceToken.length() < MIN_SERVICE_TOKEN_LENGTH) {
            throw new IllegalArgumentException("security.service-token (SERVICE_TOKEN) must be at least "
                    + MIN_SERVICE_TOKEN_LENGTH + " characters; it has " + serviceToken.length()
                    + " (e.g. openssl rand -hex 32)");
        }
        if (!serviceToken.isEmpty() && (serviceToken.length() > BearerAuthenticationFilter.MAX_TOKEN_LENGTH
                || !BearerAuthenticationFilter.TOKEN.matcher(serviceToken).matches())) {
            // the value itself is not repeated: it is a secret
            throw new IllegalArgumentException("security.service-token (SERVICE_TOKEN) can never be sent as "
                    + "'Authorization: Bearer <token>': use letters, digits and - . _ ~ + / only (trailing = "
                    + "allowed), at most " + BearerAuthenticationFilter.MAX_TOKEN_LENGTH
                    + " characters (e.g. openssl rand -hex 32)");
        }
        if (serviceToken.startsWith(ApiKeys.PREFIX)) {
            throw new IllegalArgumentException("security.service-token (SERVICE_TOKEN) must not start with '"
                    + ApiKeys.PREFIX + "': that prefix marks API keys");
        }
        if (!TABLE.matcher(apiKeyTable).matches()) {
            throw new IllegalArgumentException("security.api-key-table must be schema.table in lower case; got '"
                    + apiKeyTable + "'");
        }
        for (String pattern : readOnlyPosts) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("security.read-only-posts: '" + pattern + "' must start with /");
            }
        }
    }

    boolean serviceTokenEnabled() {
        return !serviceToken.isEmpty();
    }

    /**
     * @param issuerUri the issuer whose {@code /.well-known/openid-configuration} names its keys
     *                  (SECURITY_JWT_ISSUER_URI, e.g. {@code https://sso.example.org/realms/trading}); empty = off;
     *                  https, or plain http on a loopback host only
     * @param audience  when set, a token's {@code aud} must contain it (SECURITY_JWT_AUDIENCE); when not, a warning
     *                  is logged at start-up
     */
    public record Jwt(String issuerUri, String audience) {

        private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

        public Jwt {
            issuerUri = issuerUri == null ? "" : issuerUri.strip();
            audience = audience == null ? "" : audience.strip();
            if (!issuerUri.isEmpty()) {
                URI uri;
                try {
                    uri = new URI(issuerUri);
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("security.jwt.issuer-uri (SECURITY_JWT_ISSUER_URI) must be an "
                            + "https URL; got '" + issuerUri + "'");
                }
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                    throw new IllegalArgumentException("security.jwt.issuer-uri (SECURITY_JWT_ISSUER_URI) must be an "
                            + "https URL; got '" + issuerUri + "'");
                }
                // the issuer's keys decide who is who: fetched over plain HTTP, anyone on the path could swap them
                if (scheme.equals("http") && !isLoopback(uri.getHost())) {
                    throw new IllegalArgumentException("security.jwt.issuer-uri (SECURITY_JWT_ISSUER_URI) must use "
                            + "https (plain http only on this machine: localhost, 127.x.x.x, [::1]); got '"
                            + issuerUri + "'");
                }
            }
        }

        boolean enabled() {
            return !issuerUri.isEmpty();
        }

        /**
         * Without an audience, a token the issuer made for any other client of the realm is accepted too; that is a
         * choice (one realm per suite), so it is warned about, not refused.
         */
        Optional<String> audienceWarning() {
            return enabled() && audience.isEmpty()
                    ? Optional.of("JWTs of " + issuerUri + " are accepted whatever their audience (aud): set "
                    + "SECURITY_JWT_AUDIENCE to the client id the issuer puts in tokens for this suite, so that "
                    + "tokens it made for other applications are refused")
                    : Optional.empty();
        }

        /** Named loopback only: a host name is not looked up to decide this. */
        private static boolean isLoopback(String host) {
            String name = host.toLowerCase(Locale.ROOT);
            return name.equals("localhost") || name.equals("[::1]") || LOOPBACK_IPV4.matcher(name).matches();
        }
    }

    /** @param allowedOrigins e.g. {@code https://dashboard.example.org} (CORS_ALLOWED_ORIGINS); none by default */
    public record Cors(List<String> allowedOrigins) {

        private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#*\\s]+");

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
            for (String origin : allowedOrigins) {
                if (!ORIGIN.matcher(origin).matches()) {
                    throw new IllegalArgumentException("security.cors.allowed-origins (CORS_ALLOWED_ORIGINS): '"
                            + origin + "' is not an origin like https://dashboard.example.org (scheme, host and "
                            + "port only; no path, no wildcard)");
                }
            }
        }
    }
}
