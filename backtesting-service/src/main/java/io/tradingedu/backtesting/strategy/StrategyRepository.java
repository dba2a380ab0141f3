package io.tradingedu.backtesting.strategy;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StrategyRepository extends JpaRepository<StoredStrategy, UUID> {
}
