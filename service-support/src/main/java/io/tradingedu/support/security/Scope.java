package io.tradingedu.support.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a credential may do. {@code admin} implies {@code write}, which implies {@code read}, for API keys and JWTs
 * alike; a request needs exactly one scope ({@link AccessPolicy}).
 */
public enum Scope {
    /** GET and HEAD, read-only POSTs (searches), metrics and health details. */
    READ,
    /** Every other method: uploads, ingest, deletes, cancel/retry, market data, strategies, backtests. */
    WRITE,
    /** {@code /admin/**}: API keys. */
    ADMIN;

    /** The authority Spring Security checks, in its own {@code SCOPE_} form (as JWT scopes are mapped). */
    String authority() {
        return "SCOPE_" + label();
    }

    /** The name clients write: {@code read}, {@code write}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This scope and every scope it implies. */
    Set<Scope> withImplied() {
        return EnumSet.range(READ, this);
    }

    /** The scope a client wrote, in any case; empty when there is no such scope. */
    public static Optional<Scope> of(String label) {
        for (Scope scope : values()) {
            if (scope.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** Every scope granted by {@code scopes} and the ones they imply. */
    static Set<Scope> expand(Collection<Scope> scopes) {
        Set<Scope> all = EnumSet.noneOf(Scope.class);
        scopes.forEach(scope -> all.addAll(scope.withImplied()));
        return all;
    }
}
