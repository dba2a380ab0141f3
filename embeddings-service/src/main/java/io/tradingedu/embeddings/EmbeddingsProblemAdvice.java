package io.tradingedu.embeddings;

import io.tradingedu.embeddings.search.BadSearchException;
import io.tradingedu.support.web.Problems;
import io.tradingedu.support.web.ServiceProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class EmbeddingsProblemAdvice extends ServiceProblemAdvice {

    @ExceptionHandler
    ProblemDetail badSearch(BadSearchException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }
}
