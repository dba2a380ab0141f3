package io.tradingedu.api.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;

/**
 * Who holds a live event stream, for {@code dashboard.max-streams-per-client}: one credential, however it is named
 * (two API keys may share a name; every JWT without a subject is "unknown"), so the bearer token itself, hashed and
 * never kept. Without a credential (public reads, security off) the caller's address, which is the real client's
 * behind a trusted proxy: keyless viewers are not all one client.
 */
final class StreamClients {

    private StreamClients() {
    }

    static String of(Principal caller, HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (caller != null && authorization != null) {
            return "credential:" + sha256(authorization);
        }
        return "address:" + request.getRemoteAddr();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
