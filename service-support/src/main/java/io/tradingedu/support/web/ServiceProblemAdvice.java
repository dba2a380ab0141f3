package io.tradingedu.support.web;

import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The problems every service answers the same way: framework errors (400, 404, 405, 413, ...) from the base class,
 * a bad argument or a violated constraint as a 400 {@code bad-parameter}. Each service's advice extends this with its
 * own domain exceptions.
 */
public abstract class ServiceProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ServiceProblemAdvice.class);

    @ExceptionHandler
    protected ProblemDetail badParameter(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
    }

    @ExceptionHandler
    protected ProblemDetail constraintViolation(ConstraintViolationException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
    }

    /** A query string Tomcat cannot decode (a stray {@code %}, invalid UTF-8): the client's error, not ours. */
    @ExceptionHandler
    protected ProblemDetail unreadableParameters(InvalidParameterException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
                "the query string cannot be decoded: use percent-encoding of UTF-8 (e.g. %25 for %)");
    }

    /** Anything unforeseen is still a problem document, without internals; the details go to the log. */
    @ExceptionHandler
    protected ProblemDetail unexpected(Exception e) {
        log.error("request failed unexpectedly", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; the error has been logged");
    }
}
