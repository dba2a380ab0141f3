package io.tradingedu.orchestrator.media;

/** Receives a short, human-readable progress message, e.g. "transcribing 4:10 / 12:00". Cheap to call often. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = message -> { };

    void progress(String message);
}
