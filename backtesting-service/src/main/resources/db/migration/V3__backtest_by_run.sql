-- A deleted media item takes its pipeline backtests with it (found by the run that made them).
CREATE INDEX backtest_by_run ON backtest (run_id) WHERE run_id IS NOT NULL;
