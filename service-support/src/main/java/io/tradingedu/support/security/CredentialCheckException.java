package io.tradingedu.support.security;

import org.springframework.http.HttpStatus;

/**
 * A bearer credential that was sent but cannot be accepted: refused (401) or, when what it is checked against is
 * away (the database, the token issuer), not checkable now (503). The message is the sentence the client reads; it
 * never contains the credential.
 */
final class CredentialCheckException extends RuntimeException {

    private final HttpStatus status;

    private CredentialCheckException(HttpStatus status, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
    }

    static CredentialCheckException refused(String detail) {
        return new CredentialCheckException(HttpStatus.UNAUTHORIZED, detail, null);
    }

    static CredentialCheckException unavailable(String detail, Throwable cause) {
        return new CredentialCheckException(HttpStatus.SERVICE_UNAVAILABLE, detail, cause);
    }

    HttpStatus status() {
        return status;
    }
}
