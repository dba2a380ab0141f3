package io.tradingedu.shared.strategy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A raw field of each bar. */
public enum PriceField {
    @JsonProperty("open") OPEN,
    @JsonProperty("high") HIGH,
    @JsonProperty("low") LOW,
    @JsonProperty("close") CLOSE,
    @JsonProperty("volume") VOLUME
}
