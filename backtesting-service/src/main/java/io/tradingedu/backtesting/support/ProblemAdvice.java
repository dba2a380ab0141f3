package io.tradingedu.backtesting.support;

import io.tradingedu.backtesting.backtest.BacktestFinishedException;
import io.tradingedu.backtesting.backtest.BacktestNotFoundException;
import io.tradingedu.backtesting.backtest.ResultNotReadyException;
import io.tradingedu.backtesting.backtest.TooManyJobsException;
import io.tradingedu.backtesting.marketdata.DatasetNotFoundException;
import io.tradingedu.backtesting.marketdata.InvalidMarketDataException;
import io.tradingedu.backtesting.marketdata.UploadTooLargeException;
import io.tradingedu.backtesting.strategy.StrategyNotFoundException;
import io.tradingedu.shared.strategy.InvalidStrategyException;
import io.tradingedu.shared.strategy.StrategySyntaxException;
import io.tradingedu.support.web.Problems;
import io.tradingedu.support.web.ServiceProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain exceptions to RFC 9457 problems, each naming the offending row, field or position. */
@RestControllerAdvice
class ProblemAdvice extends ServiceProblemAdvice {

    @ExceptionHandler
    ProblemDetail invalidMarketData(InvalidMarketDataException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-market-data", "Market data not accepted",
                e.getMessage());
        if (!e.rejected().isEmpty()) {
            problem.setProperty("rejected", e.rejected());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail tooLarge(UploadTooLargeException e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidStrategy(InvalidStrategyException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-strategy", "Strategy not valid",
                e.getMessage());
        problem.setProperty("errors", e.violations());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail strategySyntax(StrategySyntaxException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "strategy-syntax", "Strategy cannot be read",
                e.getMessage());
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail datasetNotFound(DatasetNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "dataset-not-found", "No such market data", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail strategyNotFound(StrategyNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "strategy-not-found", "Strategy not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail backtestNotFound(BacktestNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "backtest-not-found", "Backtest not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notReady(ResultNotReadyException e) {
        return Problems.of(HttpStatus.CONFLICT, "result-not-ready", "Result not available", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail finished(BacktestFinishedException e) {
        return Problems.of(HttpStatus.CONFLICT, "backtest-finished", "Job already finished", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail tooManyJobs(TooManyJobsException e) {
        return Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-jobs", "Too many jobs", e.getMessage());
    }
}
