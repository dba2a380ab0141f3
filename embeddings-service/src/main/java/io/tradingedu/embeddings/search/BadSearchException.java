package io.tradingedu.embeddings.search;

/** A search or embed request outside its bounds; answered as a 400 problem that names the field. */
public class BadSearchException extends IllegalArgumentException {

    private final String field;

    public BadSearchException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
