package io.tradingedu.backtesting.backtest;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BacktestRepository extends JpaRepository<Backtest, UUID> {

    List<Backtest> findByStatusInOrderByCreatedAt(Collection<BacktestStatus> statuses);

    long countByStatusIn(Collection<BacktestStatus> statuses);
}
