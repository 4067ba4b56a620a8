package org.community.volunteer.db;

import java.sql.SQLException;

/** A database failure nobody can fix by changing the request: answered as 500 (or 503 when the database is down). */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public String sqlState() {
        // a failed JDBC batch may carry the state of the statement that failed only on its next exception
        for (SQLException e = getCause() instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
            if (e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        return null;
    }
}
