package org.community.conventions.db;

import java.io.InputStream;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/**
 * Runs a {@code @Transactional} method again, a bounded number of times, when its transaction failed with a
 * serialization failure or a deadlock (40001, 40P01): PostgreSQL rolled it back, and running it again is the
 * documented remedy. Only the outermost transaction is retried (an inner method that joins it cannot be), and
 * never a method reading a stream its first attempt consumed. When the last attempt fails too, the failure reaches
 * the caller as 503 {@code busy} with Retry-After.
 *
 * <p>Bound to {@code @Transactional} itself, so every service method that starts a transaction gets it without an
 * annotation of its own; its priority puts it outside the transaction interceptor.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransactionRetry {

    /** Attempts in all, the first included. */
    public static final int ATTEMPTS = 4;

    private static final Logger LOG = Logger.getLogger(TransactionRetry.class);

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        if (inTransaction() || readsStream(invocation)) {
            return invocation.proceed();
        }
        for (int attempt = 1;; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                String state = transientState(e);
                if (state == null || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("%s.%s: SQLState %s, attempt %d of %d", invocation.getMethod().getDeclaringClass().getSimpleName(),
                        invocation.getMethod().getName(), state, attempt, ATTEMPTS);
                backOff(attempt);
            }
        }
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private static boolean readsStream(InvocationContext invocation) {
        for (Object parameter : invocation.getParameters()) {
            if (parameter instanceof InputStream) {
                return true;
            }
        }
        return false;
    }

    /** The SQLState of a serialization failure or deadlock anywhere in the causes, else {@code null}. */
    static String transientState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && SqlStates.isTransient(SqlStates.stateOf(sql))) {
                return SqlStates.stateOf(sql);
            }
        }
        return null;
    }

    /** 10-30 ms, then 20-60, 40-120: colliding transactions spread out instead of colliding again. */
    private static void backOff(int attempt) throws InterruptedException {
        long base = 10L << (attempt - 1);
        Thread.sleep(base + ThreadLocalRandom.current().nextLong(base * 2));
    }
}
