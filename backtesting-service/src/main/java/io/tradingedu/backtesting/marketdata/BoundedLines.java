package io.tradingedu.backtesting.marketdata;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a stream, none held beyond a length: the characters past {@code maxLength} are read and dropped, so a
 * file without line breaks costs a buffer, not its size. Lines end at {@code \n}, {@code \r\n} or {@code \r}.
 */
final class BoundedLines {

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private boolean skipLineFeed;

    BoundedLines(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** @return the next line, null at the end of the stream */
    Line next() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = Math.max(in.read(buffer, 0, buffer.length), 0);
                position = 0;
                if (limit == 0) {
                    return any ? new Line(line.toString(), tooLong) : null;
                }
            }
            char c = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                skipLineFeed = c == '\r';
                return new Line(line.toString(), tooLong);
            }
            if (line.length() < maxLength) {
                line.append(c);
            } else {
                tooLong = true;
            }
        }
    }

    /** @param text the line, or its first {@code maxLength} characters when {@code tooLong} */
    record Line(String text, boolean tooLong) {
    }
}
