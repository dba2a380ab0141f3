package io.tradingedu.api.llama;

import io.tradingedu.api.support.Links;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A strategy from orchestrator-service (LLM when it has one, rule synthesis otherwise) and, when asked, its backtest
 * on backtesting-service. Neither an absent LLM nor anything else about Ollama can fail this: only a down
 * orchestrator or backtesting-service does, as a 503 naming it.
 */
@Component
class StrategyGeneration {

    private final LlamaOrchestrator orchestrator;
    private final LlamaBacktesting backtesting;

    StrategyGeneration(LlamaOrchestrator orchestrator, LlamaBacktesting backtesting) {
        this.orchestrator = orchestrator;
        this.backtesting = backtesting;
    }

    /** @param request already {@link GenerateStrategyRequest#checked checked} */
    GeneratedStrategy generate(GenerateStrategyRequest request) {
        JsonNode generated = orchestrator.generate(new LlamaOrchestrator.GenerateRequest(request.keyword(),
                request.text(), request.topK() == null ? null : request.topK().intValue(), request.temperature()));
        JsonNode strategy = generated.path("strategy");
        GeneratedStrategy.Backtest backtest = null;
        if (Boolean.TRUE.equals(request.backtest())) {
            GenerateStrategyRequest.Dataset dataset = request.dataset();
            LlamaBacktesting.Result result = backtesting.backtest(strategy, dataset);
            JsonNode metrics = result.view().path("metrics");
            backtest = new GeneratedStrategy.Backtest(result.id(), result.status(), dataset.symbol(),
                    dataset.timeframe(), dataset.start(), dataset.end(), dataset.inSampleFraction(),
                    metrics.isObject() ? metrics : null, outOfSample(metrics), result.link(), result.metricsLink());
        }
        return new GeneratedStrategy(strategy, text(generated.path("text")), text(generated.path("source")),
                orNull(generated.path("assumed")), withPlayLinks(generated.path("evidence")),
                orNull(generated.path("notes")), backtest);
    }

    private static JsonNode outOfSample(JsonNode metrics) {
        for (JsonNode period : metrics.path("periods")) {
            if ("out_of_sample".equals(period.path("label").asString())) {
                return period.path("metrics");
            }
        }
        return null;
    }

    /** Each evidence item that names a lesson and a second gets the link that plays that moment. */
    static JsonNode withPlayLinks(JsonNode evidence) {
        if (!evidence.isArray()) {
            return orNull(evidence);
        }
        ArrayNode linked = ((ArrayNode) evidence).deepCopy();
        for (JsonNode item : linked) {
            if (item instanceof ObjectNode object) {
                String media = object.path("media_id").isString() ? object.path("media_id").asString() : null;
                JsonNode start = object.path("start_seconds");
                if (media != null && media.matches("[0-9a-fA-F-]{36}") && start.isNumber() && !object.has("play")) {
                    object.put("play", Links.to("/media_items/{id}/video", media) + "#t=" + start.asDouble());
                }
            }
        }
        return linked;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static JsonNode orNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node;
    }
}
