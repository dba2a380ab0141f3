package io.tradingedu.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void loopbackRangesTrustLoopbackOnly() {
        TrustedProxies loopback = TrustedProxies.of(List.of("127.0.0.0/8", "::1/128"));

        assertThat(loopback.trusts("127.0.0.1")).isTrue();
        assertThat(loopback.trusts("127.12.0.9")).isTrue();
        assertThat(loopback.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(loopback.trusts("::ffff:127.0.0.1")).isTrue();
        assertThat(loopback.trusts("128.0.0.1")).isFalse();
        assertThat(loopback.trusts("::2")).isFalse();
        assertThat(loopback.trusts("10.0.0.1")).isFalse();
        assertThat(loopback.trusts(null)).isFalse();
    }

    @Test
    void aRangeCoversItsPrefixAndASingleAddressOnlyItself() {
        TrustedProxies proxies = TrustedProxies.of(List.of(" 172.28.0.0/16 ", "10.1.2.3", "fd00::/8"));

        assertThat(proxies.trusts("172.28.255.1")).isTrue();
        assertThat(proxies.trusts("172.29.0.1")).isFalse();
        assertThat(proxies.trusts("10.1.2.3")).isTrue();
        assertThat(proxies.trusts("10.1.2.4")).isFalse();
        assertThat(proxies.trusts("fd12:3456::1")).isTrue();
        assertThat(proxies.trusts("fe80::1")).isFalse();
    }

    @Test
    void anEmptyListTrustsNobody() {
        TrustedProxies nobody = TrustedProxies.of(List.of(""));

        assertThat(nobody.isEmpty()).isTrue();
        assertThat(nobody.trusts("127.0.0.1")).isFalse();
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedWithTheEntry() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("nginx")))
                .hasMessage("trusted.proxies: 'nginx' is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1/128)");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
                .hasMessage("trusted.proxies: '10.0.0.0/33' has a prefix length outside 0..32");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/x")))
                .hasMessageContaining("prefix length");
    }

    /** Words of hex letters and numbers that are no dotted quad would be looked up in DNS, not parsed. */
    @Test
    void wordsThatOnlyLookLikeAddressesAreRefused() {
        for (String entry : List.of("cafe", "beef/8", "add", "999.1.1.1", "10.1", "1.2.3.4.5", "0x7f.0.0.1",
                "127.1", ".:", "fe80::1::2")) {
            assertThatThrownBy(() -> TrustedProxies.of(List.of(entry))).as(entry)
                    .hasMessage("trusted.proxies: '" + entry + "' is not an IP address or CIDR range (e.g. "
                            + "10.0.0.0/8, ::1/128)");
        }
        assertThat(TrustedProxies.of(List.of("::ffff:10.0.0.1", "[::1]", "0.0.0.0/0")).trusts("10.9.9.9")).isTrue();
    }
}
