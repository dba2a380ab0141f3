package io.tradingedu.orchestrator.processvideo;

import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.shared.pipeline.ProcessVideo;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Stage 2's writes, applied together in the reply transaction. */
@Component
class ProcessVideoStores {

    private final TranscriptStore transcripts;
    private final FrameStore frames;
    private final Clock clock;

    ProcessVideoStores(TranscriptStore transcripts, FrameStore frames, Clock clock) {
        this.transcripts = transcripts;
        this.frames = frames;
        this.clock = clock;
    }

    void replace(ProcessVideo command, Transcript transcript, List<FrameStore.StoredFrame> sampled) {
        transcripts.replace(command.mediaId(), command.runId(), transcript, command.probe().durationSeconds(),
                clock.instant());
        frames.replace(command.mediaId(), sampled);
    }
}
