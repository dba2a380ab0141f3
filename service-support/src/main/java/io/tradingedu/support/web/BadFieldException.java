package io.tradingedu.support.web;

/**
 * A request field with a value outside its limits: answered as a 400 {@code bad-parameter} problem whose
 * {@code field} and {@code reason} properties say which field and why, like the framework's own type errors.
 */
public class BadFieldException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public BadFieldException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
