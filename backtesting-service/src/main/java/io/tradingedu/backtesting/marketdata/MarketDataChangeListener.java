package io.tradingedu.backtesting.marketdata;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Drops this instance's copy of a dataset that changed on any instance (its own included: a backtest that read the
 * old bars while the upload committed must not keep them). Every instance listens in a consumer group of its own,
 * so each receives every event; a new group starts from the newest event. Dropping is idempotent, so redeliveries
 * need no record.
 *
 * <p>Whenever the partition is assigned (at start, and after any rebalance or reconnection) every copy is dropped:
 * an event sent before the group's position was fixed (a dataset read while the consumer was still joining, then
 * changed elsewhere) is never delivered here, and would otherwise leave a stale copy for good. The container fixes
 * the position before it calls {@link #onPartitionsAssigned}, so any change after the drop arrives as an event.
 */
@Component
class MarketDataChangeListener implements ConsumerSeekAware {

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

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (!assignments.isEmpty()) {
            int dropped = marketData.forgetAll();
            log.info("market-data changes assigned to group {} at {}; dropped {} cached dataset(s) in case a change "
                    + "was sent before", groupId, assignments, dropped);
        }
    }
}
