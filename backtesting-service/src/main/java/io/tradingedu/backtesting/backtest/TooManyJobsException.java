package io.tradingedu.backtesting.backtest;

/** A large job asked for while the queue is full. */
public class TooManyJobsException extends RuntimeException {

    public TooManyJobsException(long waiting, int limit) {
        super(waiting + " jobs are queued or running, the limit is " + limit
                + " (BACKTEST_LIMITS_MAX_QUEUED_JOBS); try again when some have finished or cancel one");
    }
}
