package org.community.consultation.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Remembers the answer to each POST that carried an {@code Idempotency-Key}, in the database so that every
 * replica sees it. Plain JDBC in autocommit: the record must be visible before the request's own
 * transaction commits, and it is written from response filters that may run outside any transaction.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final Duration KEEP = Duration.ofHours(24);

    public enum Outcome { NEW, REPLAY, MISMATCH, IN_PROGRESS }

    public record Stored(Outcome outcome, int status, String contentType, String body, String location, String etag) {
    }

    @Inject
    AgroalDataSource dataSource;

    public Stored begin(String key, String endpoint, String requestHash) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into idempotency_record (idempotency_key, endpoint, request_hash, created_at) values (?, ?, ?, now())"
                            // a first attempt that died without an answer is taken over after five minutes
                            + " on conflict (idempotency_key, endpoint) do update set request_hash = excluded.request_hash,"
                            + " created_at = now() where idempotency_record.status is null"
                            + " and idempotency_record.created_at < now() - interval '5 minutes'")) {
                insert.setString(1, key);
                insert.setString(2, endpoint);
                insert.setString(3, requestHash);
                if (insert.executeUpdate() == 1) {
                    return new Stored(Outcome.NEW, 0, null, null, null, null);
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select request_hash, status, content_type, body, location, etag from idempotency_record"
                            + " where idempotency_key = ? and endpoint = ?")) {
                select.setString(1, key);
                select.setString(2, endpoint);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        // expired and purged between the two statements: treat as new on the next try
                        return new Stored(Outcome.IN_PROGRESS, 0, null, null, null, null);
                    }
                    if (!row.getString(1).equals(requestHash)) {
                        return new Stored(Outcome.MISMATCH, 0, null, null, null, null);
                    }
                    int status = row.getInt(2);
                    if (row.wasNull()) {
                        return new Stored(Outcome.IN_PROGRESS, 0, null, null, null, null);
                    }
                    return new Stored(Outcome.REPLAY, status, row.getString(3), row.getString(4), row.getString(5), row.getString(6));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency record for key " + key, e);
        }
    }

    public void complete(String key, String endpoint, int status, String contentType, String body, String location, String etag) {
        execute("update idempotency_record set status = ?, content_type = ?, body = ?, location = ?, etag = ?"
                + " where idempotency_key = ? and endpoint = ?", status, contentType, body, location, etag, key, endpoint);
    }

    /** A request that failed on our side may be retried with the same key. */
    public void forget(String key, String endpoint) {
        execute("delete from idempotency_record where idempotency_key = ? and endpoint = ?", key, endpoint);
    }

    @Scheduled(every = "1h", delayed = "10m")
    void purgeExpired() {
        execute("delete from idempotency_record where created_at < ?", Timestamp.from(Instant.now().minus(KEEP)));
    }

    private void execute(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
