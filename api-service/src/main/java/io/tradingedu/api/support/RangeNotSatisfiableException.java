package io.tradingedu.api.support;

/** An HTTP Range that no byte of the file satisfies (or that cannot be parsed); answered 416 with the file's size. */
public class RangeNotSatisfiableException extends RuntimeException {

    private final long size;

    public RangeNotSatisfiableException(String range, long size) {
        super("the range '" + range + "' cannot be satisfied by a file of " + size + " bytes");
        this.size = size;
    }

    public long size() {
        return size;
    }
}
