package io.tradingedu.backtesting.marketdata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drops this instance's copy of a dataset that changed on any instance (its own included: a backtest that read the
 * old bars while the upload committed must not keep them). Every instance listens in a consumer group of its own,
 * so each receives every event; it starts from the newest, since an instance that starts holds no copy to drop.
 * Dropping is idempotent, so redeliveries need no record.
 */
@Component
class MarketDataChangeListener {

    private static final Logger log = LoggerFactory.getLogger(MarketDataChangeListener.class);
    static final String GROUP_PREFIX = "backtesting-market-data.";

    private final MarketDataService marketData;
    private final MarketDataEvents events;
    private final String groupId;

    MarketDataChangeListener(MarketDataService marketData, MarketDataEvents events, InstanceIdentity instance) {
        this.marketData = marketData;
        this.events = events;
        this.groupId = GROUP_PREFIX + instance.id();
    }

    /** This instance's consumer group. */
    public String groupId() {
        return groupId;
    }

    @KafkaListener(id = "market-data-changes", topics = MarketDataEvents.TOPIC, groupId = "#{__listener.groupId()}",
            properties = "auto.offset.reset=latest")
    void onChange(String message) {
        MarketDataChanged changed = events.read(message);
        if (changed != null && marketData.forget(changed.symbol(), changed.timeframe())) {
            log.info("dropped the cached {} {} after a change on instance {}", changed.symbol(), changed.timeframe(),
                    changed.origin());
        }
    }
}
