package io.tradingedu.api.support;

import io.tradingedu.api.media.InvalidIngestPathException;
import io.tradingedu.api.media.MediaBusyException;
import io.tradingedu.api.media.MediaNotFoundException;
import io.tradingedu.api.run.RunControlClient.RunControlException;
import io.tradingedu.support.web.Problems;
import io.tradingedu.support.web.ServiceProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain exceptions to RFC 9457 problems; framework errors (400, 413, ...) are handled by the base class. */
@RestControllerAdvice
class ProblemAdvice extends ServiceProblemAdvice {

    @ExceptionHandler
    ProblemDetail invalidPath(InvalidIngestPathException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-ingest-path", "Video path not accepted",
                e.getMessage());
        problem.setProperty("field", "video_path");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(MediaNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "media-not-found", "Media item not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail busy(MediaBusyException e) {
        return Problems.of(HttpStatus.CONFLICT, "media-busy", "Media item has an active run", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail runControl(RunControlException e) {
        return Problems.of(e.status(), "run-control", "Run control refused", e.getMessage());
    }
}
