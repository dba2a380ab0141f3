-- Bars per symbol and timeframe; the primary key serves range reads (symbol, timeframe, time between ...).
CREATE TABLE bar (
    symbol    text             NOT NULL,
    timeframe text             NOT NULL,
    time      timestamptz      NOT NULL,
    open      double precision NOT NULL,
    high      double precision NOT NULL,
    low       double precision NOT NULL,
    close     double precision NOT NULL,
    volume    double precision NOT NULL,
    PRIMARY KEY (symbol, timeframe, time),
    CONSTRAINT bar_is_sane CHECK (low > 0 AND high >= greatest(open, close) AND low <= least(open, close)
                                  AND volume >= 0)
);
