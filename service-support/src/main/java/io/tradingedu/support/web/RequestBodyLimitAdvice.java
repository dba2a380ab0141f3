package io.tradingedu.support.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A chunked body cut off at its limit while a controller's arguments were read: Jackson reports it as an unreadable
 * body, a controller reading the stream as an I/O error. Spring matches an exception handler against the causes too,
 * so this advice, ahead of every service's own, finds the limit beneath either and answers 413 instead of 400/500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitAdvice {

    @ExceptionHandler
    ProblemDetail bodyTooLarge(RequestBodyTooLargeException e, HttpServletRequest request) {
        return BodyTooLargeProblem.of(request.getMethod(), request.getRequestURI(), null, e.limit());
    }
}
