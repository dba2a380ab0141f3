package io.tradingedu.backtesting.marketdata;

import io.tradingedu.backtesting.engine.PriceBar;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bar table through plain JDBC: uploads write tens of thousands of rows in batches and backtests read whole
 * ranges, neither of which benefits from entity tracking.
 */
@Repository
class BarRepository {

    private static final int BATCH = 1000;
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    private final JdbcTemplate jdbc;

    BarRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the bars, all or none; a bar at a time already held for the symbol and timeframe is replaced. */
    @Transactional
    public void upsert(String symbol, String timeframe, List<PriceBar> bars) {
        jdbc.batchUpdate("""
                INSERT INTO bar (symbol, timeframe, time, open, high, low, close, volume)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (symbol, timeframe, time) DO UPDATE SET open = excluded.open, high = excluded.high,
                    low = excluded.low, close = excluded.close, volume = excluded.volume
                """, bars, BATCH, (ps, bar) -> {
            ps.setString(1, symbol);
            ps.setString(2, timeframe);
            ps.setTimestamp(3, Timestamp.from(bar.time()));
            ps.setDouble(4, bar.open());
            ps.setDouble(5, bar.high());
            ps.setDouble(6, bar.low());
            ps.setDouble(7, bar.close());
            ps.setDouble(8, bar.volume());
        });
    }

    long count(String symbol, String timeframe) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM bar WHERE symbol = ? AND timeframe = ?", Long.class,
                symbol, timeframe);
        return count == null ? 0 : count;
    }

    boolean exists(String symbol, String timeframe) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM bar WHERE symbol = ? AND timeframe = ?)", Boolean.class, symbol, timeframe));
    }

    List<DatasetSummary> datasets() {
        return jdbc.query("""
                SELECT symbol, timeframe, min(time) AS first, max(time) AS last, count(*) AS bars
                FROM bar GROUP BY symbol, timeframe ORDER BY symbol, timeframe
                """, (rs, i) -> new DatasetSummary(rs.getString("symbol"), rs.getString("timeframe"),
                rs.getTimestamp("first").toInstant(), rs.getTimestamp("last").toInstant(), rs.getLong("bars")));
    }

    /** Bars with {@code from ≤ time ≤ to} in time order; null bounds are open. */
    List<PriceBar> bars(String symbol, String timeframe, Instant from, Instant to) {
        return bars(symbol, timeframe, from, to, Integer.MAX_VALUE);
    }

    List<PriceBar> bars(String symbol, String timeframe, Instant from, Instant to, int limit) {
        return jdbc.query("""
                SELECT time, open, high, low, close, volume FROM bar
                WHERE symbol = ? AND timeframe = ? AND time >= ? AND time <= ?
                ORDER BY time LIMIT ?
                """, (rs, i) -> new PriceBar(rs.getTimestamp("time").toInstant(), rs.getDouble("open"),
                rs.getDouble("high"), rs.getDouble("low"), rs.getDouble("close"), rs.getDouble("volume")),
                symbol, timeframe, Timestamp.from(from == null ? EARLIEST : from), Timestamp.from(to == null ? LATEST : to),
                limit);
    }
}
