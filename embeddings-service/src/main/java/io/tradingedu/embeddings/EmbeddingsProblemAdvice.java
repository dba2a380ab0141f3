package io.tradingedu.embeddings;

import io.tradingedu.embeddings.embed.EmbedBusyException;
import io.tradingedu.embeddings.search.BadSearchException;
import io.tradingedu.embeddings.search.SearchTimeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import io.tradingedu.support.web.Problems;
import io.tradingedu.support.web.ServiceProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class EmbeddingsProblemAdvice extends ServiceProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingsProblemAdvice.class);

    @ExceptionHandler
    ProblemDetail badSearch(BadSearchException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    /** The index is slow or the database is away: the client may try again; nothing of it is shown. */
    @ExceptionHandler
    ProblemDetail indexUnavailable(DataAccessException e) {
        boolean slow = SearchTimeouts.cancelled(e);
        log.warn("search index unavailable ({})", slow ? "statement timeout" : e.getClass().getSimpleName(), e);
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "index-unavailable", "Search index unavailable",
                slow ? "the search took too long and was cancelled; try a shorter query or a narrower filter"
                        : "the search index cannot be reached; try again shortly");
    }

    @ExceptionHandler
    ProblemDetail embedBusy(EmbedBusyException e) {
        return Problems.of(HttpStatus.TOO_MANY_REQUESTS, "embed-busy", "Embedding busy", e.getMessage());
    }
}
