package io.tradingedu.embeddings.search;

/** Which rankings a search fuses: both (the default), or one of them (to compare, or for exact-term lookups). */
public enum SearchMode {
    HYBRID, VECTOR, TEXT
}
