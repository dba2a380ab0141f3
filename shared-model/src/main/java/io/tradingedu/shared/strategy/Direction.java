package io.tradingedu.shared.strategy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which side a strategy trades: buy then sell, or sell short then buy back. */
public enum Direction {
    @JsonProperty("long") LONG,
    @JsonProperty("short") SHORT;

    /** +1 for long, -1 for short: the sign a price move has on the position's profit. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
