package io.tradingedu.support.web;

import io.tradingedu.support.outage.TransientFailures;
import io.tradingedu.support.outage.TransientFailures.DatabaseOutage;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The problems every service answers the same way: framework errors (400, 404, 405, 413, ...) from the base class,
 * a bad argument or a violated constraint as a 400 {@code bad-parameter}, a database outage as a 503
 * {@code service-unavailable} with Retry-After. Each service's advice extends this with its own domain exceptions.
 */
public abstract class ServiceProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ServiceProblemAdvice.class);

    /** Outages worth a 503 last seconds to minutes; the pool reconnects by itself, so a short wait is the honest hint. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler
    protected ProblemDetail badParameter(IllegalArgumentException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
        if (e instanceof BadFieldException bad) {
            problem.setProperty("field", bad.field());
            problem.setProperty("reason", bad.reason());
        }
        return problem;
    }

    @ExceptionHandler
    protected ProblemDetail constraintViolation(ConstraintViolationException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
    }

    /** A query or path value of the wrong type (top_k=many, an id that is no UUID): name the field. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String reason = "must be " + (type == null ? "of another type" : describe(type)) + "; got '"
                + excerpt(String.valueOf(e.getValue())) + "'";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
                field + " " + reason);
        problem.setProperty("field", field);
        problem.setProperty("reason", reason);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A JSON body that cannot be read: name the field whose value has the wrong type when Jackson knows it, and say
     * nothing of the parser's internals. A value a record refused while the body was read (a plan's
     * {@code "in_sample_fraction": "NaN"}) gets the record's own reason: the path comes from the outermost Jackson
     * exception, the reason from the record's {@link IllegalArgumentException} beneath it.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        JacksonException json = null;
        Throwable innermost = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (json == null && cause instanceof JacksonException jackson) {
                json = jackson;
            }
            innermost = cause;
        }
        String field = json == null ? "" : path(json);
        String reason = innermost instanceof IllegalArgumentException refused && refused.getMessage() != null
                ? refused.getMessage() : "has a value of the wrong type or form";
        ProblemDetail problem = field.isEmpty()
                ? Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body",
                        "the request body is missing or is not valid JSON for this endpoint")
                : Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", field + " " + reason);
        if (!field.isEmpty()) {
            problem.setProperty("field", field);
            problem.setProperty("reason", reason);
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }

    private static String excerpt(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** A query string Tomcat cannot decode (a stray {@code %}, invalid UTF-8): the client's error, not ours. */
    @ExceptionHandler
    protected ProblemDetail unreadableParameters(InvalidParameterException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
                "the query string cannot be decoded: use percent-encoding of UTF-8 (e.g. %25 for %)");
    }

    /**
     * Anything unforeseen is still a problem document, without internals; the details go to the log. A database
     * that cannot be reached or hands out no connection in time is not unforeseen: see {@link #databaseUnavailable}.
     * It is recognised here, behind every specific handler, so that a service's own handler of a data-access
     * exception still answers first, and so that the signal is found however it is wrapped (a transaction that
     * could not begin carries it as its cause).
     */
    @ExceptionHandler
    protected ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<DatabaseOutage> outage = TransientFailures.databaseOutage(e);
        if (outage.isPresent()) {
            return databaseUnavailable(outage.get(), e);
        }
        log.error("request failed unexpectedly", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; the error has been logged"));
    }

    /**
     * A 503 {@code service-unavailable} problem with Retry-After: the request was fine and may be sent again as it
     * is. Whether the database is down or only busy is said, but nothing of the driver's message (host, port, pool).
     */
    protected ResponseEntity<ProblemDetail> databaseUnavailable(DatabaseOutage outage, Exception e) {
        log.warn("answering 503, the database is {}: {}", outage.name().toLowerCase(Locale.ROOT), innermost(e));
        String detail = switch (outage) {
            case UNREACHABLE -> "the database is unreachable; try again in a few seconds";
            case BUSY -> "the database is too busy to answer now; try again in a few seconds";
        };
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                        detail));
    }

    private static String innermost(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause.getCause() != null && cause.getCause() != cause && depth < 32; depth++) {
            cause = cause.getCause();
        }
        return cause == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + cause;
    }
}
