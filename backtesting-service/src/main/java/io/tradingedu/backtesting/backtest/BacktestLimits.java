package io.tradingedu.backtesting.backtest;

import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.support.web.BadFieldException;
import java.math.BigInteger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one {@code POST /backtest} or {@code POST /optimize} may cost, checked before the job is stored, queued or
 * run (a 400 {@code bad-parameter} naming the field, the limit and the amount asked). With the defaults the largest
 * allowed sweep simulates 100 million bars: about four seconds on two cores at the benchmark's 27 million per second.
 *
 * @param maxBars            bars of the tested range of one backtest (single or split plan)
 * @param maxWindows         walk-forward windows of one backtest
 * @param maxWalkForwardBars walk-forward windows × window bars
 * @param maxParameters      swept parameters of one sweep
 * @param maxVariants        variants of one sweep: the product of every parameter's value count
 * @param maxSweepBars       variants × bars of one sweep
 * @param maxTop             ranked variants returned by one sweep
 * @param maxCapital         the largest initial capital accepted
 * @param maxQueuedJobs      jobs queued or running at once; a large job beyond them is refused with a 429
 */
@ConfigurationProperties("backtest.limits")
record BacktestLimits(
        @DefaultValue("2000000") long maxBars,
        @DefaultValue("1000") long maxWindows,
        @DefaultValue("5000000") long maxWalkForwardBars,
        @DefaultValue("10") int maxParameters,
        @DefaultValue("10000") long maxVariants,
        @DefaultValue("100000000") long maxSweepBars,
        @DefaultValue("1000") int maxTop,
        @DefaultValue("1000000000000") double maxCapital,
        @DefaultValue("100") int maxQueuedJobs) {

    BacktestLimits {
        if (maxBars < 2 || maxWindows < 1 || maxWalkForwardBars < 2 || maxParameters < 1 || maxVariants < 1
                || maxSweepBars < 2 || maxTop < 1 || !(maxCapital > 0) || Double.isInfinite(maxCapital)
                || maxQueuedJobs < 1) {
            throw new IllegalArgumentException("backtest.limits: every limit must be positive (bars at least 2)");
        }
    }

    /**
     * What the job would simulate, once its bars are known, against the limits.
     *
     * @throws BadFieldException naming the field to change, the limit and the amount asked
     */
    void requireAffordable(JobRunner.Prepared prepared) {
        long bars = prepared.bars();
        BacktestJob job = prepared.job();
        if (job.parameters() != null) {
            BigInteger variants = prepared.variants();
            if (variants.compareTo(BigInteger.valueOf(maxVariants)) > 0) {
                throw new BadFieldException("parameters", "make " + variants + " variants; the limit is " + maxVariants
                        + " (BACKTEST_LIMITS_MAX_VARIANTS)");
            }
            if (prepared.exactWork().compareTo(BigInteger.valueOf(maxSweepBars)) > 0) {
                throw new BadFieldException("parameters", "make " + variants + " variants × " + bars + " bars = "
                        + prepared.exactWork() + " simulated bars; the limit is " + maxSweepBars
                        + " (BACKTEST_LIMITS_MAX_SWEEP_BARS): narrow the ranges, coarsen the steps or shorten "
                        + "start..end");
            }
            return;
        }
        if (job.plan() instanceof TestPlan.WalkForward walk) {
            long windows = JobRunner.Prepared.windows(bars, walk);
            if (windows > maxWindows) {
                throw new BadFieldException("plan.step_bars", "makes " + windows + " walk-forward windows over "
                        + bars + " bars; the limit is " + maxWindows + " (BACKTEST_LIMITS_MAX_WINDOWS): take a "
                        + "larger step or a shorter range");
            }
            if (prepared.exactWork().compareTo(BigInteger.valueOf(maxWalkForwardBars)) > 0) {
                throw new BadFieldException("plan.window_bars", "makes " + windows + " windows × "
                        + walk.windowBars() + " bars = " + prepared.exactWork() + " simulated bars; the limit is "
                        + maxWalkForwardBars + " (BACKTEST_LIMITS_MAX_WALK_FORWARD_BARS)");
            }
            return;
        }
        if (bars > maxBars) {
            throw new BadFieldException("start", "the range start..end holds " + bars + " bars; the limit is "
                    + maxBars + " (BACKTEST_LIMITS_MAX_BARS): choose a later start or an earlier end");
        }
    }
}
