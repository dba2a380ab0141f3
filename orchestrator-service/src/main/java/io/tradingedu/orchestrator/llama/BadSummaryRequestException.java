package io.tradingedu.orchestrator.llama;

/** A summary request out of bounds; answered 400 naming the field. */
class BadSummaryRequestException extends RuntimeException {

    private final String field;

    BadSummaryRequestException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
