package io.tradingedu.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tradingedu.api.clips.ClipDownloads;
import io.tradingedu.api.frames.FrameImages;
import io.tradingedu.api.media.MediaFiles;
import io.tradingedu.api.media.MediaItem;
import io.tradingedu.api.media.MediaService;
import io.tradingedu.api.support.NotFoundException;
import io.tradingedu.support.security.AccessAutoConfiguration;
import io.tradingedu.support.time.ClockAutoConfiguration;
import io.tradingedu.support.web.WebEdgeAutoConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's routing and its endpoints through the real security chains: the page and its files are open,
 * every data endpoint still needs a key, the stream is capped, a signed link plays with Range requests.
 */
@WebMvcTest(controllers = {RunEventsController.class, MediaLinkController.class})
@Import({DashboardSecurity.class, DashboardWebConfig.class, RunEventHub.class, MediaLinks.class})
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, AccessAutoConfiguration.class, ClockAutoConfiguration.class,
        WebEdgeAutoConfiguration.class})
@TestPropertySource(properties = {"dashboard.max-streams=2", "dashboard.heartbeat=1s"})
class DashboardWebTest {

    /** The tests' service token (src/test/resources/config/application.yml): read and write. */
    private static final String KEY = "Bearer it-service-token-not-a-secret-0123456789";

    @Autowired
    MockMvc mvc;
    @Autowired
    RunEventHub hub;
    @MockitoBean
    MediaService media;
    @MockitoBean
    MediaFiles files;
    @MockitoBean
    FrameImages frameImages;
    @MockitoBean
    ClipDownloads clipDownloads;
    @TempDir
    Path dir;

    @Test
    void aDeepLinkIsAnsweredWithTheAppShellWithoutAKey() throws Exception {
        mvc.perform(get("/ui/lessons/" + UUID.randomUUID()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<base href=\"/ui/\">")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("src=\"assets/app.js\"")))
                .andExpect(header().string("Content-Security-Policy", DashboardSecurity.CONTENT_SECURITY_POLICY));
        // MockMvc records a forward without following it; Tomcat follows it (the browser test loads /ui/)
        mvc.perform(get("/ui/")).andExpect(forwardedUrl("/ui/index.html"));
        mvc.perform(get("/ui/index.html")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<base href=\"/ui/\">")));
    }

    @Test
    void behindTheProxyTheShellsBaseIsThePublicPrefix() throws Exception {
        // MockMvc's peer is 127.0.0.1, a trusted proxy by default (TRUSTED_PROXIES)
        mvc.perform(get("/ui/lessons/x").header("X-Forwarded-Prefix", "/api"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<base href=\"/api/ui/\">")));
    }

    @Test
    void assetsAreOpenAndAMissingFileIsNotTheShell() throws Exception {
        mvc.perform(get("/ui/assets/app.js")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache"));
        mvc.perform(get("/ui/assets/app.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/ui/assets/lesson.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
        for (String module : new String[] {"signed-links", "lesson-frames", "lesson-features"}) {
            mvc.perform(get("/ui/assets/parts/" + module + ".js")).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("text/javascript"));
        }
        mvc.perform(get("/ui/assets/missing.js")).andExpect(status().isNotFound());
        mvc.perform(get("/ui/favicon.ico")).andExpect(status().isNotFound());
    }

    @Test
    void theRootAndTheBarePrefixLeadToTheDashboard() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/ui/"));
        mvc.perform(get("/ui")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/ui/"));
    }

    @Test
    void dataEndpointsStillNeedAKey() throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(get("/media_items/events")).andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        mvc.perform(get("/media_items/" + id + "/video_link")).andExpect(status().isUnauthorized());
        mvc.perform(get("/media_items/" + id + "/frame_link")).andExpect(status().isUnauthorized());
        mvc.perform(get("/media_items/" + id + "/clip_link")).andExpect(status().isUnauthorized());
        // only reads are open under /ui/: anything else goes through the access chain
        mvc.perform(post("/ui/lessons/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/media_items/events").header(HttpHeaders.AUTHORIZATION, "Bearer te_not-a-key"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theEventStreamFansOutToEveryClientAndRefusesOneAboveTheCap() throws Exception {
        MvcResult first = openStream();
        MvcResult second = openStream();
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.openStreams() == 2);

        mvc.perform(get("/media_items/events").header(HttpHeaders.AUTHORIZATION, KEY)
                        .accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"))
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/too-many-event-streams"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("DASHBOARD_MAX_STREAMS")));

        hub.publish("e-1", "run", "{\"kind\":\"status\",\"status\":\"running\"}");
        for (MvcResult stream : new MvcResult[] {first, second}) {
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.getResponse().getContentAsString()
                    .contains("id: e-1\nevent: run\ndata: {\"kind\":\"status\",\"status\":\"running\"}\n\n"));
            assertThat(stream.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
            assertThat(stream.getResponse().getHeader("X-Accel-Buffering")).isEqualTo("no");
        }
        // heartbeats keep an idle stream open (dashboard.heartbeat=1s here)
        await().atMost(Duration.ofSeconds(5)).until(() -> first.getResponse().getContentAsString()
                .contains(RunEventHub.HEARTBEAT));
        hub.destroy();
        assertThat(hub.openStreams()).isZero();
    }

    @Test
    void aSignedVideoLinkPlaysWithoutAKeyAndSeeksByRange() throws Exception {
        UUID id = UUID.randomUUID();
        Path video = Files.write(dir.resolve("lesson.mp4"), new byte[1000]);
        MediaItem item = mock(MediaItem.class);
        when(item.getStoragePath()).thenReturn(video.toString());
        when(item.getFilename()).thenReturn("lesson.mp4");
        when(media.get(id)).thenReturn(item);
        when(files.servable(eq(id), any())).thenReturn(Optional.of(video));

        String body = mvc.perform(get("/media_items/" + id + "/video_link").header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String url = JsonMapper.builder().build().readTree(body).path("url").asString();
        assertThat(url).startsWith("http://localhost/ui/media/");
        String path = url.substring("http://localhost".length());

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentType("video/mp4"))
                .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, 1000));
        mvc.perform(get(path).header(HttpHeaders.RANGE, "bytes=100-199"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 100-199/1000"));
        mvc.perform(get(path + "x")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/media-link-invalid"));
    }

    /** An uploaded page or script is served as bytes to download, never as a document of the dashboard's origin. */
    @Test
    void aSignedLinkToAFileThatIsNoVideoServesItAsBytesToDownload() throws Exception {
        UUID id = UUID.randomUUID();
        Path page = Files.writeString(dir.resolve("evil.html"), "<script>alert(1)</script>");
        MediaItem item = mock(MediaItem.class);
        when(item.getStoragePath()).thenReturn(page.toString());
        when(item.getFilename()).thenReturn("evil.html");
        when(media.get(id)).thenReturn(item);
        when(files.servable(eq(id), any())).thenReturn(Optional.of(page));

        String body = mvc.perform(get("/media_items/" + id + "/video_link").header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String path = JsonMapper.builder().build().readTree(body).path("url").asString()
                .substring("http://localhost".length());

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_OCTET_STREAM))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; sandbox"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aSignedFrameLinkShowsTheItemsFrameImagesAndNothingElse() throws Exception {
        UUID id = knownItem();
        UUID frame = UUID.randomUUID();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        when(frameImages.file(id, frame)).thenReturn(Files.write(dir.resolve("000001.jpg"), jpeg));
        UUID otherFrame = UUID.randomUUID();
        when(frameImages.file(id, otherFrame)).thenThrow(new NotFoundException("frame", "no frame with id x"));

        String base = linkBase(id, "frame_link", "http://localhost/ui/frames/");
        mvc.perform(get(base + frame)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG))
                .andExpect(content().bytes(jpeg))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=7200, private"));
        // a frame of another item (FrameImages answers it as unknown) and an altered link
        mvc.perform(get(base + otherFrame)).andExpect(status().isNotFound());
        mvc.perform(get(base.replace("/ui/frames/", "/ui/frames/x") + frame)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/media-link-invalid"));

        // a frame link plays no video and downloads no clip; a video link shows no frame
        String frameToken = base.substring("/ui/frames/".length(), base.length() - 1);
        mvc.perform(get("/ui/media/" + frameToken)).andExpect(status().isForbidden());
        mvc.perform(get("/ui/clips/" + frameToken + "/" + UUID.randomUUID())).andExpect(status().isForbidden());
        String videoToken = linkBase(id, "video_link", "http://localhost/ui/media/").substring("/ui/media/".length());
        mvc.perform(get("/ui/frames/" + videoToken + "/" + frame)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.startsWith("this frame link is not valid")));
    }

    @Test
    void aSignedClipLinkDownloadsTheClipUnderItsNameWithRanges() throws Exception {
        UUID id = knownItem();
        UUID clip = UUID.randomUUID();
        Path mp4 = Files.write(dir.resolve("clip.mp4"), new byte[500]);
        when(clipDownloads.get(id, clip)).thenReturn(new ClipDownloads.Download(mp4, "clip-1-rsi.mp4"));

        String base = linkBase(id, "clip_link", "http://localhost/ui/clips/");
        mvc.perform(get(base + clip)).andExpect(status().isOk())
                .andExpect(content().contentType("video/mp4"))
                .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, 500))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"clip-1-rsi.mp4\""));
        mvc.perform(get(base + clip).header(HttpHeaders.RANGE, "bytes=0-99"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 0-99/500"));
        String clipToken = base.substring("/ui/clips/".length(), base.length() - 1);
        mvc.perform(get("/ui/media/" + clipToken)).andExpect(status().isForbidden());
    }

    @Test
    void aLinkForAnUnknownItemIsA404() throws Exception {
        UUID id = UUID.randomUUID();
        when(media.get(id)).thenThrow(new NotFoundException("media", "no media item " + id));

        mvc.perform(get("/media_items/" + id + "/frame_link").header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isNotFound());
        mvc.perform(get("/media_items/" + id + "/clip_link").header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isNotFound());
    }

    private UUID knownItem() {
        UUID id = UUID.randomUUID();
        MediaItem item = mock(MediaItem.class);
        when(item.getFilename()).thenReturn("lesson.mp4");
        when(media.get(id)).thenReturn(item);
        return id;
    }

    /** Asks for a link with the key; answers its path (without scheme and host). */
    private String linkBase(UUID id, String endpoint, String expectedStart) throws Exception {
        String body = mvc.perform(get("/media_items/" + id + "/" + endpoint).header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andExpect(jsonPath("$.expires_at").exists())
                .andReturn().getResponse().getContentAsString();
        String url = JsonMapper.builder().build().readTree(body).path("url").asString();
        assertThat(url).startsWith(expectedStart);
        return url.substring("http://localhost".length());
    }

    private MvcResult openStream() throws Exception {
        return mvc.perform(get("/media_items/events").header(HttpHeaders.AUTHORIZATION, KEY)
                        .accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted()).andReturn();
    }
}
