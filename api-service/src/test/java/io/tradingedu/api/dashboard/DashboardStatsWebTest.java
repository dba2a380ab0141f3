package io.tradingedu.api.dashboard;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tradingedu.support.security.AccessAutoConfiguration;
import io.tradingedu.support.time.ClockAutoConfiguration;
import io.tradingedu.support.web.WebEdgeAutoConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /dashboard/stats} through the real security chains: it needs a key, answers the page's figures in the
 * API's snake_case with the backtest queue's depth, and is never cached. (The SQL itself runs against the real
 * database in system-tests' DashboardSearchIT, after a lesson went through all ten stages.)
 */
@WebMvcTest(controllers = DashboardStatsController.class, properties = "dashboard.stats.max-age=0s")
@Import({DashboardSecurity.class, RecentStats.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties(DashboardStatsProperties.class)
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, AccessAutoConfiguration.class, ClockAutoConfiguration.class,
        WebEdgeAutoConfiguration.class})
class DashboardStatsWebTest {

    /** The tests' service token (src/test/resources/config/application.yml): read and write. */
    private static final String KEY = "Bearer it-service-token-not-a-secret-0123456789";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DashboardStatsReader reader;

    @Test
    void needsAKey() throws Exception {
        mvc.perform(get("/dashboard/stats")).andExpect(status().isUnauthorized());
    }

    @Test
    void answersTheFiguresOfEveryStageAndTheBacktestQueue() throws Exception {
        Map<String, Long> media = new LinkedHashMap<>();
        media.put("completed", 3L);
        media.put("failed", 1L);
        UUID item = UUID.randomUUID();
        when(reader.read()).thenReturn(new DashboardStats(media, 4, Instant.parse("2026-10-27T00:00:00Z"),
                Duration.ofDays(30),
                List.of(new DashboardStats.StageStats(1, "validate", 4, 0, 0, 0, 0,
                                new DashboardStats.Durations(0.5, 0.4, 0.9, 1.0)),
                        new DashboardStats.StageStats(9, "backtest", 2, 1, 1, 2, 0,
                                new DashboardStats.Durations(null, null, null, null))),
                List.of(new DashboardStats.Failure(item, "lesson.mp4", UUID.randomUUID(), 2, "process-video", 3,
                        "file is truncated", Instant.parse("2026-11-20T10:00:00Z"))),
                DashboardStats.BacktestQueue.of(1, 2, 5)));

        mvc.perform(get("/dashboard/stats").header(HttpHeaders.AUTHORIZATION, KEY))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andExpect(jsonPath("$.media_by_status.completed").value(3))
                .andExpect(jsonPath("$.media_total").value(4))
                .andExpect(jsonPath("$.stages[0].stage").value("validate"))
                .andExpect(jsonPath("$.stages[0].durations.median_seconds").value(0.4))
                .andExpect(jsonPath("$.stages[1].waiting").value(2))
                .andExpect(jsonPath("$.latest_failures[0].reason").value("file is truncated"))
                .andExpect(jsonPath("$.latest_failures[0].filename").value("lesson.mp4"))
                .andExpect(jsonPath("$.latest_failures[0].media_id").value(item.toString()))
                .andExpect(jsonPath("$.backtest_queue.depth").value(3))
                .andExpect(jsonPath("$.backtest_queue.upstream").value(5));
    }

    @Test
    void boundsOutsideTheirRangeAreRefusedAtStartWithTheVariableToSet() {
        assertThatThrownBy(() -> new DashboardStatsProperties(Duration.ZERO, null, null, null))
                .hasMessageContaining("DASHBOARD_STATS_WINDOW");
        assertThatThrownBy(() -> new DashboardStatsProperties(null, 201, null, null))
                .hasMessageContaining("DASHBOARD_STATS_FAILURES");
        assertThatThrownBy(() -> new DashboardStatsProperties(null, null, Duration.ofMillis(10), null))
                .hasMessageContaining("DASHBOARD_STATS_QUERY_TIMEOUT");
    }
}
