package org.community.org.imports;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads an import file row by row from disk, never whole. A row is one line; blank lines are skipped.
 * A malformed line yields a row carrying its error instead of values, so every bad line can be reported.
 */
final class RowReader implements Closeable {

    /** One line of the file: values by {@link Column} ordinal, or the reason it could not be read. */
    record Row(long line, String[] values, String error) {
        String get(Column column) {
            String value = values[column.ordinal()];
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final BufferedReader reader;
    private final ImportFormat format;
    private Column[] header;
    private String headerError;
    private long line;

    RowReader(Path file, ImportFormat format, java.nio.charset.Charset charset) throws IOException {
        this.reader = Files.newBufferedReader(file, charset);
        this.format = format;
        if (format == ImportFormat.CSV) {
            readHeader();
        }
    }

    /** The problem with the CSV header, if any: then no row is read. */
    String headerError() {
        return headerError;
    }

    /** The next row, or null at the end of the file. */
    Row next() throws IOException {
        String text;
        do {
            text = reader.readLine();
            if (text == null) {
                return null;
            }
            line++;
        } while (text.isBlank());
        if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return format == ImportFormat.CSV ? csvRow(text) : jsonRow(text);
    }

    private void readHeader() throws IOException {
        String text = reader.readLine();
        line = 1;
        if (text == null) {
            headerError = "empty file";
            return;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String> names = splitCsv(text);
        header = new Column[names.size()];
        for (int i = 0; i < names.size(); i++) {
            header[i] = Column.byCsvName(names.get(i));
            if (header[i] == null) {
                headerError = "unknown column \"" + names.get(i) + "\"";
                return;
            }
        }
    }

    private Row csvRow(String text) {
        List<String> fields;
        try {
            fields = splitCsv(text);
        } catch (IllegalArgumentException e) {
            return new Row(line, null, e.getMessage());
        }
        if (fields.size() > header.length) {
            return new Row(line, null, "has " + fields.size() + " fields, the header " + header.length);
        }
        String[] values = new String[Column.values().length];
        for (int i = 0; i < fields.size(); i++) {
            values[header[i].ordinal()] = fields.get(i);
        }
        return new Row(line, values, null);
    }

    private Row jsonRow(String text) {
        String[] values = new String[Column.values().length];
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Row(line, null, "is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                Column column = Column.byJsonName(name);
                if (column == null) {
                    return new Row(line, null, "unknown field \"" + name + "\"");
                }
                if (value.isStructStart()) {
                    return new Row(line, null, "field \"" + name + "\" must be a string or number");
                }
                values[column.ordinal()] = value == JsonToken.VALUE_NULL ? null : parser.getText();
            }
            if (parser.nextToken() != null) {
                return new Row(line, null, "has text after the JSON object");
            }
        } catch (IOException e) {
            return new Row(line, null, "is not valid JSON");
        }
        return new Row(line, values, null);
    }

    /** RFC 4180 fields of one line: commas separate, double quotes enclose, "" is a quote. */
    static List<String> splitCsv(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("has an unclosed quote");
        }
        fields.add(field.toString());
        return fields;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
