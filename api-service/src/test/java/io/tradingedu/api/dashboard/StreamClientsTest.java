package io.tradingedu.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Who a live event stream is counted against: each credential on its own, keyless callers by address. */
class StreamClientsTest {

    /** Two API keys an admin gave the same name: the same principal name, two credentials. */
    private static final Principal SHARED_NAME = () -> "api-key:dashboard";

    @Test
    void twoKeysWithOneNameAreTwoClientsAndOneKeyIsOneClient() {
        String first = StreamClients.of(SHARED_NAME, request("Bearer te_first_key", "198.51.100.1"));
        String second = StreamClients.of(SHARED_NAME, request("Bearer te_second_key", "198.51.100.1"));
        String firstAgain = StreamClients.of(SHARED_NAME, request("Bearer te_first_key", "203.0.113.9"));

        assertThat(first).isNotEqualTo(second).isEqualTo(firstAgain).doesNotContain("te_first_key");
    }

    @Test
    void keylessCallersAreToldApartByAddress() {
        assertThat(StreamClients.of(null, request(null, "198.51.100.1")))
                .isNotEqualTo(StreamClients.of(null, request(null, "198.51.100.2")))
                .isEqualTo("address:198.51.100.1");
    }

    private static MockHttpServletRequest request(String authorization, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/media_items/events");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        request.setRemoteAddr(address);
        return request;
    }
}
