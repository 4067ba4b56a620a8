package org.community.conventions.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

import org.community.conventions.db.DataAccessException;

/**
 * Remembers the answer to each POST that carried an {@code Idempotency-Key}, in the service's database so that every
 * replica sees it (table {@code idempotency_record}, which each service creates in its migrations). Plain JDBC in
 * autocommit: the record must be visible before the request's own transaction commits.
 *
 * <p><b>A claim dies with its owner.</b> While a first request runs, its replica holds a session-level PostgreSQL
 * advisory lock on the key, on one connection it keeps for that purpose. PostgreSQL releases the lock when that
 * session ends, so when the replica dies ({@code kill -9}, a crash, a lost host) a retry with the same key finds
 * the record unanswered and unlocked and takes it over at once, instead of waiting for a timeout. A record younger
 * than {@link #GRACE} is never taken over: its owner inserts it a moment before it takes the lock.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final Duration KEEP = Duration.ofHours(24);
    static final Duration GRACE = Duration.ofSeconds(2);
    /** A claim whose answer never got written (a lost release): taken over even though its lock is still held. */
    static final Duration ABANDONED = Duration.ofMinutes(5);

    public enum Outcome { NEW, REPLAY, MISMATCH, IN_PROGRESS }

    public record Stored(Outcome outcome, int status, String contentType, String body, String location, String etag) {

        static Stored of(Outcome outcome) {
            return new Stored(outcome, 0, null, null, null, null);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** The session whose advisory locks are this replica's claims; reopened when lost. */
    private Connection claims;

    public Stored begin(String key, String endpoint, String requestHash) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into idempotency_record (idempotency_key, endpoint, request_hash, created_at) values (?, ?, ?, now())"
                            + " on conflict (idempotency_key, endpoint) do nothing")) {
                insert.setString(1, key);
                insert.setString(2, endpoint);
                insert.setString(3, requestHash);
                if (insert.executeUpdate() == 1) {
                    hold(lockId(key, endpoint));
                    return Stored.of(Outcome.NEW);
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select request_hash, status, content_type, body, location, etag, created_at,"
                            + " created_at < now() - make_interval(secs => ?) as past_grace,"
                            + " created_at < now() - make_interval(secs => ?) as abandoned"
                            + " from idempotency_record where idempotency_key = ? and endpoint = ?")) {
                select.setLong(1, GRACE.toSeconds());
                select.setLong(2, ABANDONED.toSeconds());
                select.setString(3, key);
                select.setString(4, endpoint);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        // purged between the two statements: the caller retries as usual
                        return Stored.of(Outcome.IN_PROGRESS);
                    }
                    if (!row.getString("request_hash").equals(requestHash)) {
                        return Stored.of(Outcome.MISMATCH);
                    }
                    int status = row.getInt("status");
                    if (!row.wasNull()) {
                        return new Stored(Outcome.REPLAY, status, row.getString("content_type"), row.getString("body"),
                                row.getString("location"), row.getString("etag"));
                    }
                    boolean ownerGone = row.getBoolean("past_grace") && !isHeld(connection, lockId(key, endpoint));
                    if ((ownerGone || row.getBoolean("abandoned")) && takeOver(connection, key, endpoint, row.getTimestamp("created_at"))) {
                        hold(lockId(key, endpoint));
                        return Stored.of(Outcome.NEW);
                    }
                    return Stored.of(Outcome.IN_PROGRESS);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("idempotency record for key " + key, e);
        }
    }

    public void complete(String key, String endpoint, int status, String contentType, String body, String location, String etag) {
        try {
            execute("update idempotency_record set status = ?, content_type = ?, body = ?, location = ?, etag = ?"
                    + " where idempotency_key = ? and endpoint = ?", status, contentType, body, location, etag, key, endpoint);
        } finally {
            release(lockId(key, endpoint));
        }
    }

    /** A request that failed on our side may be retried with the same key. */
    public void forget(String key, String endpoint) {
        try {
            execute("delete from idempotency_record where idempotency_key = ? and endpoint = ?", key, endpoint);
        } finally {
            release(lockId(key, endpoint));
        }
    }

    @Scheduled(every = "1h", delayed = "10m")
    void purgeExpired() {
        execute("delete from idempotency_record where created_at < ?", Timestamp.from(clock.instant().minus(KEEP)));
    }

    /** Is the claim's lock held by a live session (this replica's or another's)? Tried in a statement of its own. */
    private static boolean isHeld(Connection connection, long lock) throws SQLException {
        // a transaction-level lock taken in autocommit is released when the statement ends
        try (PreparedStatement probe = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            probe.setLong(1, lock);
            try (ResultSet row = probe.executeQuery()) {
                row.next();
                return !row.getBoolean(1);
            }
        }
    }

    /** The unanswered record as it was read, now claimed by this request; false when another retry was quicker. */
    private static boolean takeOver(Connection connection, String key, String endpoint, Timestamp createdAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update idempotency_record set created_at = now()"
                + " where idempotency_key = ? and endpoint = ? and status is null and created_at = ?")) {
            update.setString(1, key);
            update.setString(2, endpoint);
            update.setTimestamp(3, createdAt);
            return update.executeUpdate() == 1;
        }
    }

    private synchronized void hold(long lock) throws SQLException {
        try {
            lock(claimsSession(), "select pg_try_advisory_lock(?)", lock);
        } catch (SQLException lost) {
            // the session broke (a database restart): its locks are gone anyway, take this one on a new session
            closeClaims();
            lock(claimsSession(), "select pg_try_advisory_lock(?)", lock);
        }
    }

    private synchronized void release(long lock) {
        try {
            lock(claimsSession(), "select pg_advisory_unlock(?)", lock);
        } catch (SQLException e) {
            // the session is gone, and its locks with it
            closeClaims();
        }
    }

    private static void lock(Connection session, String sql, long lock) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setLong(1, lock);
            statement.executeQuery().close();
        }
    }

    private Connection claimsSession() throws SQLException {
        if (claims == null) {
            claims = dataSource.getConnection();
            claims.setAutoCommit(true);
        }
        return claims;
    }

    @PreDestroy
    synchronized void closeClaims() {
        if (claims != null) {
            try {
                claims.close();
            } catch (SQLException e) {
                // already broken
            }
            claims = null;
        }
    }

    /** The advisory lock of one key at one endpoint: 64 bits of the SHA-256 of both. */
    static long lockId(String key, String endpoint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((endpoint + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }
}
