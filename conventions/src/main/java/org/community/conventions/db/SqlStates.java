package org.community.conventions.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import org.postgresql.util.PSQLException;

/** What a PostgreSQL SQLState means to a caller: a constraint the request collided with, a retryable race, or an outage. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String EXCLUSION_VIOLATION = "23P01";
    public static final String SERIALIZATION_FAILURE = "40001";
    public static final String DEADLOCK_DETECTED = "40P01";

    private SqlStates() {
    }

    /** The first SQLState in the exception or the exceptions chained to it (a failed batch reports on the next one). */
    public static String stateOf(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
                return next.getSQLState();
            }
        }
        return null;
    }

    /** The constraint PostgreSQL names for a violation, or {@code null}. */
    public static String constraintOf(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next instanceof PSQLException psql && psql.getServerErrorMessage() != null
                    && psql.getServerErrorMessage().getConstraint() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }

    public static boolean isConstraintViolation(String state) {
        return UNIQUE_VIOLATION.equals(state) || EXCLUSION_VIOLATION.equals(state);
    }

    /** A serialization failure or deadlock: the transaction was rolled back and may succeed when run again. */
    public static boolean isTransient(String state) {
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    /**
     * The database cannot be reached: a connection failure (08*), an administrator or crash shutdown (57P01-57P03),
     * too many connections (53300), or no connection from the pool within its acquisition timeout.
     */
    public static boolean isUnavailable(SQLException e) {
        String state = stateOf(e);
        if (state != null) {
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("53300");
        }
        // Agroal reports an acquisition timeout without a state, in two wordings: "Acquisition timeout while waiting for
        // new connection" (the database does not answer) and "Sorry, acquisition timeout!" (every connection is busy);
        // a cause may carry the driver's connection error
        if (e instanceof SQLTransientConnectionException
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
            return true;
        }
        return e.getCause() instanceof SQLException cause && cause != e && isUnavailable(cause);
    }
}
