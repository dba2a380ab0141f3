package io.tradingedu.orchestrator.features;

import io.tradingedu.orchestrator.media.MediaStageRunner;
import io.tradingedu.orchestrator.media.StageWork.StageJob;
import io.tradingedu.orchestrator.media.WorkerRole;
import io.tradingedu.shared.pipeline.ComputeFeatures;
import io.tradingedu.shared.pipeline.FeaturesComputed;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.time.Clock;
import java.util.Objects;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stage 7: the item's features from what stages 2–6 found. The work is short (a few queries and counting), but it
 * goes through {@link MediaStageRunner} like stages 3–5 for the same guarantee: the set is written only while the
 * run still wants it, so a late answer cannot bring back the features of a deleted item.
 */
@Component
@WorkerRole
class ComputeFeaturesWorker {

    static final String CONSUMER = "features-worker";

    private final MediaStageRunner runner;
    private final FeatureInputsReader reader;
    private final FeatureStore store;
    private final Clock clock;

    ComputeFeaturesWorker(MediaStageRunner runner, FeatureInputsReader reader, FeatureStore store, Clock clock) {
        this.runner = runner;
        this.reader = reader;
        this.store = store;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, properties = "max.poll.records=1",
            topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).FEATURES.commandsTopic()}")
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof ComputeFeatures command) {
            runner.submit(CONSUMER, CONSUMER, command, this::compute);
        }
    }

    private Reply compute(ComputeFeatures command, StageJob job) throws InterruptedException {
        FeatureInputs inputs = reader.read(command);
        job.checkpoint().check();
        FeatureSet set = FeatureCalculator.compute(inputs);
        int computed = (int) set.values().values().stream().filter(Objects::nonNull).count();
        return new Reply(FeaturesComputed.of(command, set.version(), computed, set.notes()),
                () -> store.replace(command.mediaId(), command.runId(), set, clock.instant()));
    }
}
