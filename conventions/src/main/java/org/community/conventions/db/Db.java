package org.community.conventions.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Thin JDBC access. Inside a {@code @Transactional} method every call joins the same transaction
 * (Agroal hands out the connection enlisted in it), so repositories compose freely.
 */
@ApplicationScoped
public class Db {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
        return withConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, args); ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = list(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, Object... args) {
        return one(sql, row -> row.getLong(1), args).orElse(0L);
    }

    public int update(String sql, Object... args) {
        return withConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, args)) {
                return statement.executeUpdate();
            }
        });
    }

    /**
     * The statement once per row of arguments, sent as one JDBC batch (the driver pipelines it: one round trip for the
     * lot instead of one per row). Joins the transaction like the other calls.
     */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] args : rows) {
                    for (int i = 0; i < args.length; i++) {
                        statement.setObject(i + 1, jdbcValue(connection, args[i]));
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
                return null;
            }
        });
    }

    public <T> T withConnection(ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, jdbcValue(connection, args[i]));
        }
        return statement;
    }

    private static Object jdbcValue(Connection connection, Object value) throws SQLException {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof long[] longs) {
            Long[] boxed = new Long[longs.length];
            for (int i = 0; i < longs.length; i++) {
                boxed[i] = longs[i];
            }
            return connection.createArrayOf("bigint", boxed);
        }
        if (value instanceof String[] strings) {
            return connection.createArrayOf("text", strings);
        }
        if (value instanceof java.util.UUID[] uuids) {
            return connection.createArrayOf("uuid", uuids);
        }
        return value;
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        java.time.OffsetDateTime value = row.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static java.time.LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, java.time.LocalDate.class);
    }

    public static java.util.UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, java.util.UUID.class);
    }

    public static <E extends Enum<E>> E enumValue(ResultSet row, String column, Class<E> type) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

}
