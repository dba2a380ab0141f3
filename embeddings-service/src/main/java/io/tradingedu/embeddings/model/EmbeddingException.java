package io.tradingedu.embeddings.model;

/** The model could not embed: inference failed, the caller was interrupted while waiting, or the model is closed. */
public class EmbeddingException extends RuntimeException {

    EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }

    EmbeddingException(String message) {
        super(message);
    }
}
