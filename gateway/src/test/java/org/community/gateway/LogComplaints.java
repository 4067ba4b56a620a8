package org.community.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the warnings and stack traces the gateway logs while a test runs: normal traffic must cause none. */
final class LogComplaints extends Handler {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    static LogComplaints listen() {
        LogComplaints complaints = new LogComplaints();
        Logger.getLogger("").addHandler(complaints);
        return complaints;
    }

    void stop() {
        Logger.getLogger("").removeHandler(this);
    }

    /** What was logged, as "LEVEL logger: message (exception)", for a readable assertion failure. */
    List<String> messages() {
        return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")")).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue() || record.getThrown() != null) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
