package io.tradingedu.api.dashboard;

import org.springframework.http.HttpStatus;

/** backtesting-service could not give a backtest's chart data: answered as a problem with this status and kind. */
class BacktestChartException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;

    BacktestChartException(HttpStatus status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String kind() {
        return kind;
    }

    String title() {
        return title;
    }
}
