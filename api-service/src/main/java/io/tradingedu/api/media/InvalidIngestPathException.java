package io.tradingedu.api.media;

/** A path given to ingest that may not or cannot be read; the message says why. */
public class InvalidIngestPathException extends RuntimeException {

    public InvalidIngestPathException(String reason) {
        super(reason);
    }
}
