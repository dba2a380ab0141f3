package io.tradingedu.api.playground;

import io.tradingedu.api.support.BadParameterException;
import io.tradingedu.api.support.NotFoundException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The Playground's work: check a strategy text, then backtest or sweep it on a dataset through backtesting-service.
 * Every request is bounded here before anything is sent (text length, names, one or two swept numbers, the
 * heatmap's cells); backtesting-service's own limits (bars, simulated bars, queued jobs) apply after.
 */
@Service
class Playground {

    private static final int MAX_NAME = 64;
    private static final int MAX_TIME = 40;
    private static final double DEFAULT_IN_SAMPLE = 0.7;

    private final StrategyChecker checker;
    private final PlaygroundBacktesting backtesting;
    private final PlaygroundProperties properties;

    Playground(StrategyChecker checker, PlaygroundBacktesting backtesting, PlaygroundProperties properties) {
        this.checker = checker;
        this.backtesting = backtesting;
        this.properties = properties;
    }

    StrategyCheck check(String text) {
        return checker.check(text);
    }

    JsonNode datasets() {
        return backtesting.datasets();
    }

    PlaygroundRun backtest(PlaygroundRequests.Backtest request) {
        StrategyCheck check = requireValid(request.text());
        Map<String, Object> body = dataset(check, request.symbol(), request.timeframe(), request.start(),
                request.end());
        body.put("plan", plan(request.plan(), request.inSampleFraction()));
        return view(backtesting.submit("/backtest", body), "backtest");
    }

    PlaygroundRun sweep(PlaygroundRequests.Sweep request) {
        StrategyCheck check = requireValid(request.text());
        Map<String, Object> body = dataset(check, request.symbol(), request.timeframe(), request.start(),
                request.end());
        List<PlaygroundRequests.Axis> axes = axes(request.parameters(), check);
        long variants = 1;
        for (PlaygroundRequests.Axis axis : axes) {
            variants *= count(axis);
        }
        if (variants > properties.maxVariants()) {
            throw new BadParameterException("parameters", "make " + variants + " variants; a heatmap holds at most "
                    + properties.maxVariants() + " (DASHBOARD_PLAYGROUND_MAX_VARIANTS): widen the steps");
        }
        body.put("parameters", axes.stream().map(a -> Map.of("path", a.path(), "from", a.from(), "to", a.to(),
                "step", a.step())).toList());
        body.put("metric", request.metric() == null || request.metric().isBlank() ? "sharpe"
                : bounded("metric", request.metric(), MAX_NAME));
        body.put("top", variants);
        return view(backtesting.submit("/optimize", body), "sweep");
    }

    /** @param kind {@code backtest} or {@code sweep}: the other kind's id is not found here */
    PlaygroundRun run(UUID id, String kind) {
        PlaygroundRun run = view(backtesting.job(id), null);
        if (!run.kind().equals(kind)) {
            throw new NotFoundException(kind, "no " + kind + " " + id + " (it is a " + run.kind() + ")");
        }
        return run;
    }

    private StrategyCheck requireValid(String text) {
        StrategyCheck check = checker.check(text);
        if (!check.valid()) {
            throw new InvalidStrategyTextException(check.problems());
        }
        return check;
    }

    private static Map<String, Object> dataset(StrategyCheck check, String symbol, String timeframe, String start,
                                               String end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("strategy", check.strategy());
        body.put("symbol", required("symbol", symbol));
        body.put("timeframe", required("timeframe", timeframe));
        if (start != null && !start.isBlank()) {
            body.put("start", bounded("start", start, MAX_TIME));
        }
        if (end != null && !end.isBlank()) {
            body.put("end", bounded("end", end, MAX_TIME));
        }
        return body;
    }

    private static Map<String, Object> plan(String plan, Double inSampleFraction) {
        String mode = plan == null || plan.isBlank() ? "split" : plan.strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "single" -> Map.of("mode", "single");
            case "split" -> {
                double fraction = inSampleFraction == null ? DEFAULT_IN_SAMPLE : inSampleFraction;
                if (!(fraction >= 0.1 && fraction <= 0.9)) {
                    throw new BadParameterException("in_sample_fraction", "must be between 0.1 and 0.9; got "
                            + fraction);
                }
                yield Map.of("mode", "split", "in_sample_fraction", fraction);
            }
            default -> throw new BadParameterException("plan", "is 'single' or 'split'; got '"
                    + bounded("plan", plan, MAX_NAME) + "'");
        };
    }

    private static List<PlaygroundRequests.Axis> axes(List<PlaygroundRequests.Axis> axes, StrategyCheck check) {
        if (axes == null || axes.isEmpty() || axes.size() > 2) {
            throw new BadParameterException("parameters", "sweep one or two of the strategy's numbers");
        }
        Set<String> sweepable = new HashSet<>();
        check.sweepable().forEach(n -> sweepable.add(n.path()));
        Set<String> seen = new HashSet<>();
        for (PlaygroundRequests.Axis axis : axes) {
            if (axis == null || axis.path() == null || !sweepable.contains(axis.path())) {
                throw new BadParameterException("parameters", "'" + (axis == null ? null
                        : bounded("path", String.valueOf(axis.path()), 200)) + "' is not a number of this strategy; "
                        + "it has: " + String.join(", ", sweepable.stream().sorted().toList()));
            }
            if (!seen.add(axis.path())) {
                throw new BadParameterException("parameters", axis.path() + " is swept twice");
            }
            if (axis.from() == null || axis.to() == null || axis.step() == null || !Double.isFinite(axis.from())
                    || !Double.isFinite(axis.to()) || !Double.isFinite(axis.step()) || !(axis.step() > 0)
                    || axis.to() < axis.from()) {
                throw new BadParameterException("parameters", axis.path() + ": needs finite from ≤ to and a step "
                        + "above 0");
            }
        }
        return axes;
    }

    /** Values from..to by step, as backtesting-service counts them; saturates instead of overflowing. */
    private static long count(PlaygroundRequests.Axis axis) {
        double count = Math.floor((axis.to() - axis.from()) / axis.step() + 1e-9) + 1;
        return count >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (long) count;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(field, "is required: pick a dataset (GET /playground/datasets)");
        }
        return bounded(field, value.strip(), MAX_NAME);
    }

    private static String bounded(String field, String value, int max) {
        if (value.length() > max) {
            throw new BadParameterException(field, "is " + value.length() + " characters long; at most " + max
                    + " are allowed");
        }
        return value;
    }

    private PlaygroundRun view(JsonNode job, String expectedKind) {
        String kind = "OPTIMIZE".equals(job.path("kind").asString()) ? "sweep" : "backtest";
        if (expectedKind != null && !expectedKind.equals(kind)) {
            throw backtesting.failed("backtesting-service answered a " + expectedKind + " as a " + kind);
        }
        String status = job.path("status").asString("").toLowerCase(Locale.ROOT);
        JsonNode request = job.path("request");
        boolean completed = "completed".equals(status);
        return new PlaygroundRun(UUID.fromString(job.path("id").asString()), kind, status,
                job.path("error").isString() ? job.path("error").asString() : null,
                request.path("symbol").asString(null), request.path("timeframe").asString(null),
                completed && kind.equals("backtest") ? job.get("metrics") : null,
                completed && kind.equals("sweep") && job.path("sweep").isObject()
                        ? SweepGrid.of(request, job.path("sweep")) : null);
    }
}
