package io.tradingedu.support.web;

import jakarta.validation.ConstraintViolationException;
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

    @ExceptionHandler
    protected ProblemDetail badParameter(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
    }

    @ExceptionHandler
    protected ProblemDetail constraintViolation(ConstraintViolationException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
    }
}
