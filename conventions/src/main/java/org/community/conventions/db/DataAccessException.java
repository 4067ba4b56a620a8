package org.community.conventions.db;

import java.sql.SQLException;

/**
 * A database failure, answered by what it means ({@link SqlStates}; the mapping is in
 * {@code problem/ProblemMappers}): 409 for a constraint the request collided with, 503 with Retry-After for
 * an outage or persistent contention, 500 for the rest.
 */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public DataAccessException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    public SQLException sqlException() {
        return (SQLException) getCause();
    }

    public String sqlState() {
        return SqlStates.stateOf(sqlException());
    }

    /** The constraint PostgreSQL names for a violation, or {@code null}. */
    public String constraint() {
        return SqlStates.constraintOf(sqlException());
    }
}
