package io.tradingedu.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class PlayLinksTest {

    @BeforeEach
    void request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/embeddings/search");
        request.setServerName("lessons.example");
        request.setServerPort(8003);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aPathOnThisServiceBecomesAbsoluteWithItsFragmentKept() {
        assertThat(PlayLinks.absolute("/media_items/3f0c/video#t=62.0"))
                .isEqualTo("http://lessons.example:8003/media_items/3f0c/video#t=62.0");
        assertThat(PlayLinks.absolute("/clip/9a1b/download"))
                .isEqualTo("http://lessons.example:8003/clip/9a1b/download");
    }

    @Test
    void bracesInThePathAreTextNotATemplate() {
        assertThat(PlayLinks.absolute("/media_items/{id}/video")).isEqualTo(
                "http://lessons.example:8003/media_items/{id}/video");
    }

    @Test
    void anythingThatIsNotAPathHereHasNoLink() {
        assertThat(PlayLinks.absolute(null)).isNull();
        assertThat(PlayLinks.absolute("")).isNull();
        assertThat(PlayLinks.absolute("https://elsewhere.example/video")).isNull();
        assertThat(PlayLinks.absolute("//elsewhere.example/video")).isNull();
        assertThat(PlayLinks.absolute("/\\elsewhere.example/video")).isNull();
        assertThat(PlayLinks.absolute("media_items/3f0c/video")).isNull();
    }
}
