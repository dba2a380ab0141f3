package io.tradingedu.api.support;

import io.tradingedu.api.media.InvalidIngestPathException;
import io.tradingedu.api.media.MediaBusyException;
import io.tradingedu.api.run.RunControlClient.RunControlException;
import io.tradingedu.support.web.Problems;
import io.tradingedu.support.web.ServiceProblemAdvice;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
    ProblemDetail notFound(NotFoundException e) {
        String what = e.kind().replace('-', ' ');
        return Problems.of(HttpStatus.NOT_FOUND, e.kind() + "-not-found",
                what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1) + " not found", e.getMessage());
    }

    /** Spring MVC would answer 416 but still send the whole file; this sends only the problem. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rangeNotSatisfiable(RangeNotSatisfiableException e) {
        return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                .header(HttpHeaders.CONTENT_RANGE, "bytes */" + e.size())
                .body(Problems.of(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable",
                        "Range not satisfiable", e.getMessage()));
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
