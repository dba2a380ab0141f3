package io.tradingedu.shared.pipeline;

/**
 * Topic names that are not per stage (those come from {@link PipelineStage#commandsTopic()} and
 * {@link PipelineStage#eventsTopic()}). Messages are keyed by media id so one video's messages stay ordered.
 */
public final class Topics {

    /** api-service publishes {@link MediaIngested} and {@link MediaDeleted} here. */
    public static final String MEDIA_EVENTS = "media.events.v1";

    /** The orchestrator publishes {@link RunStatusChanged} here. */
    public static final String RUN_EVENTS = "pipeline.runs.events.v1";

    /** Suffix of the dead-letter topic that receives a topic's unprocessable messages. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
