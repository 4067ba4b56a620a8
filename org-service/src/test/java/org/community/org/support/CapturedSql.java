package org.community.org.support;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL Hibernate sends, as a test sees it: {@link #during} collects the statements the current thread prepares
 * while the work runs, so a plan test can EXPLAIN the query a repository really runs. Changes nothing.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class CapturedSql implements StatementInspector {

    private static final ThreadLocal<List<String>> CAPTURED = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        List<String> captured = CAPTURED.get();
        if (captured != null) {
            captured.add(sql);
        }
        return sql;
    }

    public static List<String> during(Runnable work) {
        List<String> captured = new ArrayList<>();
        CAPTURED.set(captured);
        try {
            work.run();
        } finally {
            CAPTURED.remove();
        }
        return captured;
    }
}
