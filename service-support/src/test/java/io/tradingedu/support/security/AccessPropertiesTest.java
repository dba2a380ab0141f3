package io.tradingedu.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPropertiesTest {

    private static AccessProperties withServiceToken(String token) {
        return new AccessProperties(null, token, null, null, null, null, null);
    }

    @Test
    void aServiceTokenThatCouldNeverBeSentAsBearerTokenStopsTheStartWithoutBeingRepeated() {
        for (String token : List.of("correct horse battery staple 42", "p@ssw0rd-p@ssw0rd-p@ssw0rd",
                "token=with=equals=inside=0123", "tökén-0123456789-0123456789")) {
            assertThatThrownBy(() -> withServiceToken(token)).as(token)
                    .hasMessageContaining("SERVICE_TOKEN").hasMessageContaining("can never be sent")
                    .message().doesNotContain(token);
        }
        assertThatThrownBy(() -> withServiceToken("a".repeat(BearerAuthenticationFilter.MAX_TOKEN_LENGTH + 1)))
                .hasMessageContaining("at most " + BearerAuthenticationFilter.MAX_TOKEN_LENGTH);
    }

    @Test
    void aServiceTokenOfBearerCharactersIsAccepted() {
        assertThat(withServiceToken(" 0123456789abcdef0123456789abcdef ").serviceToken())
                .isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(withServiceToken("A-Za.z0_9~+/A-Za.z0_9~+/abc==").serviceTokenEnabled()).isTrue();
    }

    @Test
    void aPlainHttpIssuerIsRefusedUnlessOnThisMachine() {
        for (String issuer : List.of("http://sso.example.org/realms/trading", "http://10.0.0.5:8080/realms/t",
                "http://localhost.example.org/realms/t", "http://127.0.0.1.nip.io/realms/t")) {
            assertThatThrownBy(() -> new AccessProperties.Jwt(issuer, "tradingedu")).as(issuer)
                    .hasMessage("security.jwt.issuer-uri (SECURITY_JWT_ISSUER_URI) must use https (plain http only "
                            + "on this machine: localhost, 127.x.x.x, [::1]); got '" + issuer + "'");
        }
        for (String issuer : List.of("https://sso.example.org/realms/trading", "http://localhost:8180/realms/t",
                "http://127.0.0.1:8180/realms/t", "http://[::1]:8180/realms/t", "HTTP://LOCALHOST/realms/t")) {
            assertThat(new AccessProperties.Jwt(issuer, "tradingedu").enabled()).as(issuer).isTrue();
        }
        assertThatThrownBy(() -> new AccessProperties.Jwt("ftp://sso.example.org", null))
                .hasMessageContaining("must be an https URL");
        assertThatThrownBy(() -> new AccessProperties.Jwt("https://sso example.org", null))
                .hasMessageContaining("must be an https URL");
    }

    @Test
    void anIssuerWithoutAudienceIsWarnedAbout() {
        assertThat(new AccessProperties.Jwt("https://sso.example.org/realms/trading", "").audienceWarning())
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("https://sso.example.org/realms/trading", "SECURITY_JWT_AUDIENCE"));
        assertThat(new AccessProperties.Jwt("https://sso.example.org/realms/trading", "tradingedu")
                .audienceWarning()).isEmpty();
        assertThat(new AccessProperties.Jwt("", "").audienceWarning()).isEmpty();
    }
}
