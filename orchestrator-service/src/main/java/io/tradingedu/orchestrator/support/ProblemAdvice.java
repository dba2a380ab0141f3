package io.tradingedu.orchestrator.support;

import io.tradingedu.orchestrator.run.IllegalRunTransitionException;
import io.tradingedu.orchestrator.run.RunNotFoundException;
import io.tradingedu.support.web.Problems;
import io.tradingedu.support.web.ServiceProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class ProblemAdvice extends ServiceProblemAdvice {

    @ExceptionHandler
    ProblemDetail runNotFound(RunNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "run-not-found", "Run not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalRunTransitionException e) {
        return Problems.of(HttpStatus.CONFLICT, "illegal-run-transition", "Run cannot do that now", e.getMessage());
    }
}
