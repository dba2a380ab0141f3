package io.tradingedu.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.RemoteKeySourceException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/** How a JWT that cannot be decoded is answered: refused (401) when the token is at fault, 503 when the issuer is. */
class BearerCredentialsTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";

    private static CredentialCheckException failure(RuntimeException thrown) {
        JwtDecoder decoder = token -> {
            throw thrown;
        };
        return catchThrowableOfType(CredentialCheckException.class,
                () -> new BearerCredentials(null, "", decoder).check(TOKEN));
    }

    @Test
    void aJoseFailureOnACraftedTokenIsARefusalNotAnOutage() {
        // what NimbusJwtDecoder throws when the JOSE library fails on the token itself
        CredentialCheckException refused = failure(new JwtException("An error occurred while attempting to decode "
                + "the Jwt: Invalid ECDSA signature format", new JOSEException("Invalid ECDSA signature format")));

        assertThat(refused.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getMessage()).startsWith("the token is not valid");
    }

    @Test
    void keysOrMetadataThatCannotBeFetchedAreAnOutage() {
        CredentialCheckException keys = failure(new JwtException("An error occurred while attempting to decode the "
                + "Jwt: Couldn't retrieve remote JWK set", new RemoteKeySourceException("Couldn't retrieve remote JWK "
                + "set", new IOException("Connection refused"))));
        CredentialCheckException metadata = failure(new JwtDecoderInitializationException("Failed to lazily resolve "
                + "the supplied JwtDecoder instance", new IllegalStateException("Connection refused")));

        for (CredentialCheckException unavailable : List.of(keys, metadata)) {
            assertThat(unavailable.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(unavailable.getMessage()).contains("its issuer is unreachable");
        }
    }

    @Test
    void aTokenWithoutExpiryFailsValidation() {
        AccessProperties.Jwt issuer = new AccessProperties.Jwt("https://sso.example.org/realms/t", "tradingedu");
        Jwt.Builder token = Jwt.withTokenValue(TOKEN).header("alg", "RS256").subject("trader-1")
                .issuer("https://sso.example.org/realms/t").audience(List.of("tradingedu"))
                .issuedAt(Instant.now().minusSeconds(60));

        OAuth2TokenValidatorResult withoutExpiry = AccessAutoConfiguration.WebAccess.jwtValidator(issuer)
                .validate(token.build());
        OAuth2TokenValidatorResult withExpiry = AccessAutoConfiguration.WebAccess.jwtValidator(issuer)
                .validate(token.expiresAt(Instant.now().plusSeconds(300)).build());

        assertThat(withoutExpiry.hasErrors()).isTrue();
        assertThat(withoutExpiry.getErrors()).anySatisfy(error ->
                assertThat(error.getDescription()).isEqualTo("the token has no expiry (exp claim)"));
        assertThat(withExpiry.hasErrors()).isFalse();
    }
}
