package io.tradingedu.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.filter.ForwardedHeaderFilter;

class TrustedForwardedHeadersTest {

    private static HttpRequest.Builder forwarded(ConfigurableApplicationContext context) {
        return HttpRequest.newBuilder(EdgeTestApplication.uri(context, "/items/link"))
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Prefix", "/api")
                .header("X-Forwarded-For", "198.51.100.7");
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerDoNotChangeLinksOrTheClientAddress() throws Exception {
        // the test's own connection comes from loopback: trust only another range
        try (ConfigurableApplicationContext context = EdgeTestApplication.start("trusted.proxies=10.0.0.0/8")) {
            HttpResponse<String> response = EdgeTestApplication.send(forwarded(context));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("\"self\":\"" + EdgeTestApplication.uri(context, "/items/link") + "\"")
                    .contains("\"client\":\"127.0.0.1\"")
                    .doesNotContain("evil.example", "/api", "198.51.100.7");
        }
    }

    @Test
    void forwardedHeadersFromATrustedProxyMakeTheLinksPublic() throws Exception {
        // default: loopback is trusted
        try (ConfigurableApplicationContext context = EdgeTestApplication.start()) {
            HttpResponse<String> response = EdgeTestApplication.send(forwarded(context));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("\"self\":\"https://evil.example/api/items/link\"")
                    .contains("\"client\":\"198.51.100.7\"");
        }
    }

    @Test
    void bootsOwnForwardedHeaderFilterStepsBackForTheTrustingOne() {
        try (ConfigurableApplicationContext context = EdgeTestApplication.start()) {
            assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                    .filteredOn(registration -> registration.getFilter() instanceof ForwardedHeaderFilter)
                    .singleElement()
                    .satisfies(registration -> assertThat(registration.getFilter())
                            .isInstanceOf(TrustedForwardedHeaderFilter.class));
        }
    }
}
