package org.community.org.persistence;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.community.conventions.db.SqlStates;

/** Unique violations Hibernate reports on flush, told apart by the constraint PostgreSQL names. */
public final class Constraints {

    private Constraints() {
    }

    /**
     * Runs the flush; false when it broke one of the unique constraints {@code names} (a race the caller's own check could not
     * see: it answers with its own 409, and the transaction rolls back). Other failures go on up.
     */
    public static boolean flushed(Runnable flush, String... names) {
        try {
            flush.run();
            return true;
        } catch (PersistenceException e) {
            for (String name : names) {
                if (violates(e, name)) {
                    return false;
                }
            }
            throw e;
        }
    }

    static boolean violates(Throwable e, String name) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return SqlStates.isConstraintViolation(SqlStates.stateOf(sql)) && name.equals(SqlStates.constraintOf(sql));
            }
        }
        return false;
    }
}
