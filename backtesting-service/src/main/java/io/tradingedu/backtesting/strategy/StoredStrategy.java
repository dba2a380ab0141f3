package io.tradingedu.backtesting.strategy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A validated strategy kept for later backtests; immutable once stored (a changed strategy is a new one). */
@Entity
@Table(name = "strategy")
class StoredStrategy {

    @Id
    private UUID id;
    private String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String definition;

    private String sourceText;
    private Instant createdAt;

    protected StoredStrategy() {
    }

    StoredStrategy(UUID id, String name, String definition, String sourceText, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.definition = definition;
        this.sourceText = sourceText;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String definition() {
        return definition;
    }

    String sourceText() {
        return sourceText;
    }

    Instant createdAt() {
        return createdAt;
    }
}
