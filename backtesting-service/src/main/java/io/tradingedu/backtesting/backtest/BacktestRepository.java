package io.tradingedu.backtesting.backtest;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BacktestRepository extends JpaRepository<Backtest, UUID> {
}
