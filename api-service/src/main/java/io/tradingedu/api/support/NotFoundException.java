package io.tradingedu.api.support;

/**
 * Something asked for does not exist, or no longer has its file. Every feature throws this one type; the problem's
 * {@code type} is {@code <kind>-not-found}, so each kind keeps a stable type without the advice knowing the feature.
 */
public class NotFoundException extends RuntimeException {

    private final String kind;

    /**
     * @param kind   what was not found, lower case with dashes, e.g. {@code clip} or {@code transcript}
     * @param detail the sentence the client reads
     */
    public NotFoundException(String kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
