package io.tradingedu.shared.backtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How the chosen range of a backtest is tested: as one period, split in-sample/out-of-sample, or in rolling windows.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "mode", defaultImpl = TestPlan.SinglePeriod.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = TestPlan.SinglePeriod.class, name = "single"),
        @JsonSubTypes.Type(value = TestPlan.InSampleOutOfSample.class, name = "split"),
        @JsonSubTypes.Type(value = TestPlan.WalkForward.class, name = "walk_forward")
})
public sealed interface TestPlan {

    TestPlan SINGLE = new SinglePeriod();

    record SinglePeriod() implements TestPlan {
    }

    /** The first {@code inSampleFraction} of the bars, then the rest; each traded from the initial capital. */
    record InSampleOutOfSample(@JsonProperty("in_sample_fraction") double inSampleFraction) implements TestPlan {
        public InSampleOutOfSample {
            if (!(inSampleFraction > 0 && inSampleFraction < 1)) {
                throw new IllegalArgumentException("in_sample_fraction must be above 0 and below 1");
            }
        }
    }

    /**
     * Windows of {@code windowBars} bars starting every {@code stepBars} bars, each traded from the initial capital
     * with the bars before it as indicator history.
     */
    record WalkForward(@JsonProperty("window_bars") int windowBars, @JsonProperty("step_bars") int stepBars)
            implements TestPlan {
        public WalkForward {
            if (windowBars < 2 || stepBars < 1) {
                throw new IllegalArgumentException("window_bars must be at least 2 and step_bars at least 1");
            }
        }
    }
}
