package io.tradingedu.shared.backtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What every strategy of a pipeline run is tested on, and how. */
public record BacktestPlan(
        List<DatasetRef> datasets,
        @JsonProperty("initial_capital") double initialCapital,
        @JsonProperty("test_plan") TestPlan testPlan) {

    public BacktestPlan {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        initialCapital = initialCapital == 0 ? 10_000 : initialCapital;
        testPlan = testPlan == null ? TestPlan.SINGLE : testPlan;
    }
}
