package org.community.conventions.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which database errors are an outage (503 with Retry-After) rather than a fault of the service (500). */
class SqlStatesTest {

    @Test
    void aPoolWithEveryConnectionBusyIsUnavailable() {
        // Agroal's wording when the pool is exhausted under load, wrapped as Hibernate and Agroal wrap it
        assertTrue(SqlStates.isUnavailable(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(SqlStates.isUnavailable(new SQLException("could not open", new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsUnavailable() {
        assertTrue(SqlStates.isUnavailable(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(SqlStates.isUnavailable(new SQLException("Connection refused", "08001")));
        assertTrue(SqlStates.isUnavailable(new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @Test
    void anErrorOfTheStatementItselfIsNot() {
        assertFalse(SqlStates.isUnavailable(new SQLException("syntax error at or near", "42601")));
        assertFalse(SqlStates.isUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(SqlStates.isUnavailable(new SQLException("something else")));
    }
}
