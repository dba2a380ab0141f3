package io.tradingedu.embeddings.search;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/** Recognises a statement PostgreSQL cancelled because it ran past its {@code statement_timeout}. */
public final class SearchTimeouts {

    private static final String QUERY_CANCELED = "57014";

    private SearchTimeouts() {
    }

    public static boolean cancelled(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
