package io.tradingedu.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every series the alert rules and the Grafana dashboard in {@code deploy/observability/} ask for is one the services
 * expose ({@link MetricNames#PROMETHEUS}, which the service ITs check against real scrapes), so renaming a meter
 * cannot silently empty a panel or an alert.
 */
class MetricNamesInDashboardsTest {

    private static final Path DEPLOY = Path.of("..", "deploy", "observability");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");

    @Test
    void alertRulesUseOnlyExposedSeries() throws IOException {
        List<String> expressions = alertExpressions();

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(6);
        assertThat(unknownSeries(expressions)).isEmpty();
        assertThat(String.join("\n", expressions)).contains("tradingedu_pipeline_runs_stuck",
                "tradingedu_messaging_dead_letters_total", "tradingedu_outbox_oldest_age_seconds",
                "kafka_consumer_fetch_manager_records_lag_max", "up{");
    }

    @Test
    void dashboardUsesOnlyExposedSeries() throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(DEPLOY.resolve("grafana/dashboards/tradingedu.json")));
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
        }

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(15);
        assertThat(unknownSeries(expressions)).isEmpty();
    }

    @Test
    void theCheckFindsASeriesNobodyExposes() {
        assertThat(unknownSeries(List.of("sum by (stage) (rate(tradingedu_stage_seconds_count{x=\"a b\"}[5m]))")))
                .containsExactly("tradingedu_stage_seconds_count");
        assertThat(unknownSeries(List.of(
                "histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket[$__rate_interval])))")))
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(DEPLOY.resolve("prometheus/alerts.yml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add(rule.get("expr").toString());
            }
        }
        return expressions;
    }

    /** The series names in PromQL expressions that {@link MetricNames#exposed} does not know. */
    static Set<String> unknownSeries(List<String> expressions) {
        Set<String> unknown = new TreeSet<>();
        for (String expression : expressions) {
            for (String series : seriesNames(expression)) {
                if (!MetricNames.exposed(series)) {
                    unknown.add(series);
                }
            }
        }
        return unknown;
    }

    /**
     * Identifiers that are series: not in strings, label matchers or ranges, not functions (followed by "("), not
     * the label lists of by/without/on/ignoring, not keywords or Grafana variables.
     */
    static List<String> seriesNames(String expression) {
        String text = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\w+", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(text);
        while (m.find()) {
            String word = m.group();
            int next = m.end();
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            boolean function = next < text.length() && text.charAt(next) == '(';
            boolean number = m.start() > 0 && Character.isDigit(text.charAt(m.start() - 1));
            if (!function && !number && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }
}
