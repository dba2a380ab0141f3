package io.tradingedu.backtesting.strategy;

import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyFormatter;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategyText;
import io.tradingedu.shared.strategy.StrategyValidator;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores strategies after validation and hands them out by id. */
@Service
public class StrategyCatalog {

    private final StrategyRepository strategies;
    private final Clock clock;

    StrategyCatalog(StrategyRepository strategies, Clock clock) {
        this.strategies = strategies;
        this.clock = clock;
    }

    /**
     * @throws io.tradingedu.shared.strategy.InvalidStrategyException when the strategy is not valid
     */
    @Transactional
    public StrategyView add(StrategyDefinition definition, String sourceText) {
        StrategyValidator.requireValid(definition);
        StoredStrategy stored = strategies.save(new StoredStrategy(UUID.randomUUID(), definition.name(),
                StrategyJson.toJson(definition), sourceText, clock.instant()));
        return view(stored);
    }

    /** @throws io.tradingedu.shared.strategy.StrategySyntaxException with line and column */
    @Transactional
    public StrategyView addText(String text) {
        return add(StrategyText.parse(text), text);
    }

    @Transactional(readOnly = true)
    public StrategyView get(UUID id) {
        return strategies.findById(id).map(StrategyCatalog::view).orElseThrow(() -> new StrategyNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public Page<StrategyView> list(int page, int size) {
        return strategies.findAll(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")))
                .map(StrategyCatalog::view);
    }

    private static StrategyView view(StoredStrategy stored) {
        StrategyDefinition definition = StrategyJson.fromJson(stored.definition());
        return new StrategyView(stored.id(), stored.name(), definition, StrategyFormatter.format(definition),
                stored.sourceText(), stored.createdAt());
    }
}
