package io.tradingedu.api.media;

import java.util.UUID;

public class MediaNotFoundException extends RuntimeException {

    public MediaNotFoundException(UUID id) {
        super("no media item with id " + id);
    }
}
