package io.tradingedu.api.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    static RunProgress.Stage stage(String slug, String status, String progress) {
        return new RunProgress.Stage(2, slug, status, 1, null, null, null, null, null, progress);
    }

    @Test
    void describesWhereTheRunIsForAPerson() {
        UUID id = UUID.randomUUID();

        assertThat(RunProgress.pending(id).describe()).isEqualTo("the item's run has not started yet");
        assertThat(new RunProgress(id, "running", "process-video", null, null, null,
                List.of(stage("validate", "succeeded", null), stage("process-video", "retry_wait", null))).describe())
                .isEqualTo("the item's run is at stage process-video (retry_wait)");
        assertThat(new RunProgress(id, "running", "process-video", null, null, null,
                List.of(stage("process-video", "running", "frames 10/40"))).describe())
                .isEqualTo("the item's run is at stage process-video (running: frames 10/40)");
        assertThat(new RunProgress(id, "failed", "validate", "not a video", null, null,
                List.of(stage("validate", "failed", null))).describe())
                .isEqualTo("the item's run failed at stage validate: not a video");
    }
}
