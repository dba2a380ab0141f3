package io.tradingedu.support.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection driven byte by byte, for what a client library hides: a body that is sent only in part
 * (an endless upload), and whether the server closes the connection after answering. A read that gets nothing for
 * {@value #READ_TIMEOUT_MS} ms fails the test (the server is waiting for more body) rather than hanging it.
 */
public final class RawHttp implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 20_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(int port) throws IOException {
        socket = new Socket();
        // a small buffer: a write fails soon after the server has closed, not megabytes later
        socket.setSendBufferSize(64 * 1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public static RawHttp connect(int port) throws IOException {
        return new RawHttp(port);
    }

    /** Sends the request line and headers (CRLF-separated, without the final blank line) and the blank line. */
    public RawHttp head(String... lines) throws IOException {
        out.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Sends one chunk of a chunked body, never its end. */
    public RawHttp chunk(byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Sends raw body bytes. */
    public RawHttp body(byte[] data) throws IOException {
        out.write(data);
        out.flush();
        return this;
    }

    /** Reads one answer, its body delimited by Content-Length or chunked. */
    public Answer answer() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                chunks.write(in.readNBytes(size));
                readLine();
            }
            readLine();
            body = chunks.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Goes on sending chunks of an endless body after the answer, as an attacker would, until the server closes the
     * connection; returns how many bytes were sent by then, or -1 when {@code cap} bytes went through and the
     * connection is still open (the server reads and discards the body however long it is).
     */
    public long sendsUntilClosed(long cap) {
        byte[] chunk = new byte[64 * 1024];
        long sent = 0;
        try {
            while (sent < cap) {
                chunk(chunk);
                sent += chunk.length;
            }
            return -1;
        } catch (IOException closed) {
            return sent;
        }
    }

    private int chunkSize() throws IOException {
        String line = readLine();
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed inside an answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before an answer; got: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** @param headers by lower-case name */
    public record Answer(int status, Map<String, String> headers, String body) {
    }
}
