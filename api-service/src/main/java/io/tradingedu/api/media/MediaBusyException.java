package io.tradingedu.api.media;

/** The media item has an active run and the request would pull the ground from under it. */
public class MediaBusyException extends RuntimeException {

    public MediaBusyException(String message) {
        super(message);
    }
}
