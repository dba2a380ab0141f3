package io.tradingedu.embeddings.index;

import io.tradingedu.shared.pipeline.MediaDeleted;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Deleting a media item removes it from search. Forgetting is idempotent, so redeliveries need no log. */
@Component
class MediaEventsListener {

    private final PassageStore store;

    MediaEventsListener(PassageStore store) {
        this.store = store;
    }

    @KafkaListener(id = "embeddings-media", topics = Topics.MEDIA_EVENTS, groupId = "embeddings-media")
    void onMediaEvent(String json) {
        if (PipelineMessages.fromJson(json) instanceof MediaDeleted deleted) {
            store.forget(deleted.mediaId());
        }
    }
}
