package org.community.consultation.db;

import java.sql.SQLException;

/** A database failure nobody can fix by changing the request: answered as 500 (or 503 when the database is down). */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public String sqlState() {
        return getCause() instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
