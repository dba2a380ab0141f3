package io.tradingedu.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class AccessPolicyTest {

    private final AccessPolicy closed = new AccessPolicy(List.of("/search", "/embed"), false);
    private final AccessPolicy publicReads = new AccessPolicy(List.of("/search"), true);

    @Test
    void probesAndDocumentationAreOpen() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui/index.html", "/swagger-ui.html",
                "/error")) {
            assertThat(closed.requiredScope(request("GET", path))).as(path).isEmpty();
        }
    }

    @Test
    void readsNeedReadAndEverythingElseWrite() {
        assertThat(closed.requiredScope(request("GET", "/media_items"))).contains(Scope.READ);
        assertThat(closed.requiredScope(request("HEAD", "/media_items/1/video"))).contains(Scope.READ);
        assertThat(closed.requiredScope(request("POST", "/search"))).contains(Scope.READ);
        assertThat(closed.requiredScope(request("POST", "/embed"))).contains(Scope.READ);
        assertThat(closed.requiredScope(request("POST", "/reindex"))).contains(Scope.WRITE);
        assertThat(closed.requiredScope(request("PUT", "/search"))).contains(Scope.WRITE);
        assertThat(closed.requiredScope(request("DELETE", "/media_items/1"))).contains(Scope.WRITE);
        assertThat(closed.requiredScope(request("PATCH", "/strategies/1"))).contains(Scope.WRITE);
    }

    @Test
    void adminAndActuatorDetailsStayClosedWhenReadsArePublic() {
        assertThat(publicReads.requiredScope(request("GET", "/media_items"))).isEmpty();
        assertThat(publicReads.requiredScope(request("POST", "/search"))).isEmpty();
        assertThat(publicReads.requiredScope(request("POST", "/ingest"))).contains(Scope.WRITE);
        assertThat(publicReads.requiredScope(request("GET", "/admin/api_keys"))).contains(Scope.ADMIN);
        assertThat(publicReads.requiredScope(request("POST", "/admin/api_keys"))).contains(Scope.ADMIN);
        assertThat(publicReads.requiredScope(request("GET", "/actuator/prometheus"))).contains(Scope.READ);
        assertThat(publicReads.requiredScope(request("GET", "/actuator/health/db"))).contains(Scope.READ);
        assertThat(publicReads.requiredScope(request("GET", "/actuator"))).contains(Scope.READ);
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }

    @Test
    void scopesImplyTheSmallerOnes() {
        assertThat(Scope.expand(List.of(Scope.ADMIN))).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE, Scope.ADMIN);
        assertThat(Scope.expand(List.of(Scope.WRITE))).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
        assertThat(Scope.expand(List.of(Scope.READ))).containsExactly(Scope.READ);
        assertThat(Scope.of(" Write ")).isEqualTo(Optional.of(Scope.WRITE));
        assertThat(Scope.of("superuser")).isEmpty();
    }
}
