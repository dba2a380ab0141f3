package io.tradingedu.orchestrator.run;

import io.tradingedu.shared.pipeline.PipelineStage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which stages a run executes, in pipeline order, and each stage's policy. Adding a stage to the pipeline is adding
 * its worker and its name to {@code pipeline.stages}.
 *
 * @param stages    the stages to execute (order is always the pipeline's)
 * @param defaults  the policy of every stage without an override
 * @param overrides per-stage policies
 * @param timekeeperInterval how often expired leases and due retries are looked for
 * @param role      what this instance runs: the state machine and the workers (all), or one of them
 */
@ConfigurationProperties("pipeline")
public record PipelineProperties(List<PipelineStage> stages, StagePolicy defaults,
                                 Map<PipelineStage, StagePolicy> overrides, Duration timekeeperInterval, Role role) {

    /** PIPELINE_ROLE; an unknown value fails the start. */
    public enum Role { ALL, COORDINATOR, WORKER }

    public PipelineProperties {
        role = role == null ? Role.ALL : role;
        stages = stages == null || stages.isEmpty() ? List.of(PipelineStage.VALIDATE)
                : stages.stream().distinct().sorted().toList();
        defaults = defaults == null ? new StagePolicy(Duration.ofMinutes(5), 3, Duration.ofSeconds(5), null) : defaults;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    public StagePolicy policyFor(PipelineStage stage) {
        return overrides.getOrDefault(stage, defaults);
    }
}
