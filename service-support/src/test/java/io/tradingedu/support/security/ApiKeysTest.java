package io.tradingedu.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void aNewKeyIsTePrefixedBase64urlOf32RandomBytes() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String key = ApiKeys.generate();
            assertThat(key).hasSize(46).startsWith("te_").matches("te_[A-Za-z0-9_-]{43}");
            assertThat(ApiKeys.isWellFormed(key)).isTrue();
            keys.add(key);
        }
        assertThat(keys).hasSize(200);
    }

    @Test
    void onlyTheExactFormIsWellFormed() {
        String key = ApiKeys.generate();
        assertThat(ApiKeys.isWellFormed(key + "A")).isFalse();
        assertThat(ApiKeys.isWellFormed(key.substring(0, 45))).isFalse();
        assertThat(ApiKeys.isWellFormed("TE_" + key.substring(3))).isFalse();
        assertThat(ApiKeys.isWellFormed("te_" + "+".repeat(43))).isFalse();
        assertThat(ApiKeys.isWellFormed(null)).isFalse();
    }

    @Test
    void theStoredHashIsTheSha256OfTheWholeKeyAndThePrefixItsFirstEightCharacters() {
        String key = "te_" + "A".repeat(43);
        assertThat(ApiKeys.hash(key)).hasSize(32).isEqualTo(ApiKeys.sha256(key))
                .isNotEqualTo(ApiKeys.hash("te_" + "A".repeat(42) + "B"));
        assertThat(ApiKeys.displayPrefix(key)).isEqualTo("te_AAAAA");
    }

    @Test
    void settingsThatWouldWeakenAccessAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new AccessProperties(true, "short", false, null, null, null, null))
                .hasMessageContaining("SERVICE_TOKEN").hasMessageContaining("at least 24 characters");
        assertThatThrownBy(() -> new AccessProperties(true, ApiKeys.generate(), false, null, null, null, null))
                .hasMessageContaining("must not start with 'te_'");
        assertThatThrownBy(() -> new AccessProperties(true, "", false, null, "access.api_key; drop", null, null))
                .hasMessageContaining("schema.table");
        assertThatThrownBy(() -> new AccessProperties.Cors(List.of("*")))
                .hasMessageContaining("CORS_ALLOWED_ORIGINS");
        assertThatThrownBy(() -> new AccessProperties.Cors(List.of("https://a.example/path")))
                .hasMessageContaining("no path");
        assertThatThrownBy(() -> new AccessProperties.Jwt("realm", null))
                .hasMessageContaining("SECURITY_JWT_ISSUER_URI");
        assertThat(new AccessProperties(null, null, null, null, null, null, null).enabled()).isTrue();
    }
}
