package io.tradingedu.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PipelineStageTest {

    @Test
    void tenStagesInPipelineOrder() {
        assertThat(PipelineStage.values()).hasSize(10);
        assertThat(PipelineStage.VALIDATE.number()).isEqualTo(1);
        assertThat(PipelineStage.BACKTEST.number()).isEqualTo(9);
        assertThat(PipelineStage.EVALUATE_PROMOTE.number()).isEqualTo(10);
    }

    @Test
    void topicsAreVersionedAndNamedAfterTheSlug() {
        assertThat(PipelineStage.PROCESS_VIDEO.commandsTopic()).isEqualTo("pipeline.process-video.commands.v1");
        assertThat(PipelineStage.PROCESS_VIDEO.eventsTopic()).isEqualTo("pipeline.process-video.events.v1");
    }

    @Test
    void findsStagesBySlugOrName() {
        assertThat(PipelineStage.fromName("process-video")).isEqualTo(PipelineStage.PROCESS_VIDEO);
        assertThat(PipelineStage.fromName("EVALUATE_PROMOTE")).isEqualTo(PipelineStage.EVALUATE_PROMOTE);
        assertThatThrownBy(() -> PipelineStage.fromName("transcode")).hasMessageContaining("unknown pipeline stage");
    }
}
