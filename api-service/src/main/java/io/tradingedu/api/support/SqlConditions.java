package io.tradingedu.api.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause made of optional conditions: a condition whose value is absent is left out; every value travels as
 * a bind parameter, never in the SQL text.
 */
public final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> arguments = new ArrayList<>();

    /** Adds {@code condition} (with one {@code ?}) when {@code value} is not null. */
    public SqlConditions and(String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            arguments.add(value);
        }
        return this;
    }

    /** {@code " WHERE a AND b"}, or empty without conditions. */
    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public List<Object> arguments() {
        return List.copyOf(arguments);
    }
}
