package io.tradingedu.orchestrator.processvideo.transcript;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import java.util.List;

/**
 * One way of obtaining a transcript (subtitles, a Whisper server, pocketsphinx). {@link Transcriber} asks them in
 * order of quality and takes the first that produces one.
 */
public interface TranscriptSource {

    /** Short name for notes and logs. */
    String name();

    /** Whether this source works from the extracted audio ({@link TranscriptionInput#audio()} set). */
    boolean needsAudio();

    /**
     * @throws InterruptedException when the thread is interrupted; all subprocesses are stopped first
     */
    Result transcribe(TranscriptionInput input, ProgressListener progress, Checkpoint checkpoint)
            throws InterruptedException;

    /** A transcript, or the reasons this source has none. Never thrown: a failing source lets the next one try. */
    sealed interface Result {

        record Produced(Transcript transcript) implements Result {
        }

        record Declined(List<String> notes) implements Result {

            public Declined {
                notes = List.copyOf(notes);
            }

            public static Declined because(String note) {
                return new Declined(List.of(note));
            }
        }
    }
}
