package org.community.org.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows into one table through PostgreSQL COPY (text format), remembering which file line each COPY row came
 * from so that a constraint the database rejects is reported by the file's line number.
 */
final class CopyStream implements AutoCloseable {

    private static final Pattern COPY_LINE = Pattern.compile("COPY \\w+, line (\\d+)");

    private final PGCopyOutputStream out;
    private final StringBuilder row = new StringBuilder(256);
    private long[] fileLines = new long[1024];
    private long rows;

    CopyStream(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        this.out = new PGCopyOutputStream(pg, "copy " + table + " (" + columns + ") from stdin", 1 << 16);
    }

    /** A COPY into the table, or null when {@code skip}: after a bad row nothing more is sent to the database. */
    static CopyStream openUnless(boolean skip, Connection connection, String table, String columns) throws SQLException {
        return skip ? null : new CopyStream(connection, table, columns);
    }

    /** Appends one row; values are rendered with {@code toString}, null as SQL NULL. */
    void write(long fileLine, Object... values) throws IOException {
        row.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append('\t');
            }
            appendValue(values[i]);
        }
        row.append('\n');
        out.write(row.toString().getBytes(StandardCharsets.UTF_8));
        if (rows == fileLines.length) {
            fileLines = Arrays.copyOf(fileLines, fileLines.length * 2);
        }
        fileLines[(int) rows++] = fileLine;
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY; the database's verdict on the rows arrives here at the latest. */
    void finish() throws IOException, SQLException {
        out.endCopy();
    }

    /** Abandons the COPY (the transaction is rolled back anyway). */
    void cancel() {
        try {
            if (out.isActive()) {
                out.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back: nothing of this COPY stays
        }
    }

    /** The file line of the COPY row the database names in its error context, or 0 when it names none. */
    long fileLineOf(String where) {
        if (where == null) {
            return 0;
        }
        Matcher matcher = COPY_LINE.matcher(where);
        if (!matcher.find()) {
            return 0;
        }
        long copyRow = Long.parseLong(matcher.group(1));
        return copyRow >= 1 && copyRow <= rows ? fileLines[(int) copyRow - 1] : 0;
    }

    private void appendValue(Object value) {
        if (value == null) {
            row.append("\\N");
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }

    @Override
    public void close() {
        cancel();
    }
}
