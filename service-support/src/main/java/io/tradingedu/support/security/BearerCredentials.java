package io.tradingedu.support.security;

import com.nimbusds.jose.RemoteKeySourceException;
import io.tradingedu.support.outage.TransientFailures;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Checks the token of {@code Authorization: Bearer <token>}, trying the three kinds in order: an API key (by its
 * {@code te_} form, looked up by hash), the service token (compared in constant time), a JWT (when an issuer is
 * configured).
 */
class BearerCredentials {

    static final String UNKNOWN = "the credential is unknown or revoked";
    private static final Logger log = LoggerFactory.getLogger(BearerCredentials.class);
    private static final String SERVICE = "service";

    private final ApiKeyStore keys;
    private final byte[] serviceTokenHash;
    private final JwtDecoder jwts;
    private final JwtGrantedAuthoritiesConverter jwtScopes = new JwtGrantedAuthoritiesConverter();

    /**
     * @param keys         null when the service has no database: API keys are then refused
     * @param serviceToken empty when service tokens are off
     * @param jwts         null when no issuer is configured
     */
    BearerCredentials(ApiKeyStore keys, String serviceToken, JwtDecoder jwts) {
        this.keys = keys;
        this.serviceTokenHash = serviceToken.isEmpty() ? null : ApiKeys.sha256(serviceToken);
        this.jwts = jwts;
    }

    Credential check(String token) {
        if (token.startsWith(ApiKeys.PREFIX)) {
            return apiKey(token);
        }
        // both sides hashed first: the comparison then takes the same time whatever the token's length or content
        if (serviceTokenHash != null && MessageDigest.isEqual(serviceTokenHash, ApiKeys.sha256(token))) {
            return new Credential(Credential.Kind.SERVICE_TOKEN, SERVICE, List.of(Scope.READ, Scope.WRITE));
        }
        if (jwts != null && token.chars().filter(c -> c == '.').count() == 2) {
            return jwt(token);
        }
        throw CredentialCheckException.refused(UNKNOWN);
    }

    private Credential apiKey(String token) {
        if (!ApiKeys.isWellFormed(token) || keys == null) {
            throw CredentialCheckException.refused(UNKNOWN);
        }
        Optional<ApiKeyStore.StoredKey> stored;
        try {
            stored = keys.find(ApiKeys.hash(token));
        } catch (RuntimeException e) {
            if (TransientFailures.databaseOutage(e).isPresent()) {
                throw CredentialCheckException.unavailable("the API key cannot be checked: the database is "
                        + "unreachable or busy; try again in a few seconds", e);
            }
            throw e;
        }
        // the lookup was by the hash of the whole key: a row found is an exact match, nothing is left to compare
        ApiKeyStore.StoredKey key = stored.filter(found -> !found.revoked())
                .orElseThrow(() -> CredentialCheckException.refused(UNKNOWN));
        return new Credential(Credential.Kind.API_KEY, "api-key:" + key.name(), key.scopes());
    }

    /** The issuer's metadata or keys could not be fetched: the token may well be good. */
    private static CredentialCheckException issuerUnreachable(RuntimeException e) {
        log.warn("a JWT could not be checked, the issuer is unreachable: {}", e.getMessage());
        return CredentialCheckException.unavailable("the token cannot be checked: its issuer is unreachable; "
                + "try again in a few seconds", e);
    }

    /** Whether fetching the issuer's keys failed (network, or an unreadable key set), not the token itself. */
    private static boolean fetchFailed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RemoteKeySourceException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private Credential jwt(String token) {
        Jwt jwt;
        try {
            jwt = jwts.decode(token);
        } catch (JwtValidationException e) {
            String reasons = e.getErrors().stream().map(error -> error.getDescription() == null
                    ? error.getErrorCode() : error.getDescription()).distinct().reduce((a, b) -> a + "; " + b)
                    .orElse("it failed validation");
            throw CredentialCheckException.refused("the token is not valid: " + reasons);
        } catch (BadJwtException e) {
            throw CredentialCheckException.refused("the token is not valid: its signature, form or claims were "
                    + "refused");
        } catch (JwtDecoderInitializationException e) {
            throw issuerUnreachable(e);
        } catch (JwtException e) {
            // Spring reports a JOSE failure on a crafted token and a failed key fetch alike; only the latter may be
            // a good token that cannot be checked now
            if (fetchFailed(e)) {
                throw issuerUnreachable(e);
            }
            throw CredentialCheckException.refused("the token is not valid: its signature, form or claims were "
                    + "refused");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        jwtScopes.convert(jwt).forEach(authority -> {
            String name = authority.getAuthority();
            if (name.startsWith("SCOPE_")) {
                Scope.of(name.substring("SCOPE_".length())).ifPresent(scopes::add);
            }
        });
        String subject = jwt.getSubject() == null ? "unknown" : jwt.getSubject();
        return new Credential(Credential.Kind.JWT, "jwt:" + subject, scopes);
    }
}
