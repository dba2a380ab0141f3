package io.tradingedu.shared.pipeline;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON codec for {@link PipelineMessage}s, used by every producer and consumer. */
public final class PipelineMessages {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PipelineMessages() {
    }

    public static String toJson(PipelineMessage message) {
        return MAPPER.writeValueAsString(message);
    }

    /**
     * Reads a message.
     *
     * @throws UnreadableMessageException when the text is not JSON or not a known message type; such a message
     *                                    can never be processed and belongs in the dead-letter topic
     */
    public static PipelineMessage fromJson(String json) {
        try {
            PipelineMessage message = MAPPER.readValue(json, PipelineMessage.class);
            if (message == null || message.eventId() == null) {
                throw new UnreadableMessageException("message has no eventId", null);
            }
            return message;
        } catch (JacksonException e) {
            throw new UnreadableMessageException(e.getOriginalMessage(), e);
        }
    }

    /** A message that cannot be decoded into a known {@link PipelineMessage}. */
    public static final class UnreadableMessageException extends RuntimeException {
        public UnreadableMessageException(String message, Throwable cause) {
            super("unreadable pipeline message: " + message, cause);
        }
    }
}
