package io.tradingedu.api.media;

import io.tradingedu.api.support.NotFoundException;
import java.util.UUID;

public class MediaNotFoundException extends NotFoundException {

    public MediaNotFoundException(UUID id) {
        super("media", "no media item with id " + id);
    }
}
