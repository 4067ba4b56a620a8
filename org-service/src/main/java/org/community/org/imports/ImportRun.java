package org.community.org.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

import org.community.conventions.db.Ids;
import org.community.conventions.http.Times;
import org.community.conventions.problem.Messages;
import org.community.org.stats.Counts;
import org.community.org.stats.Metric;
import org.community.org.tree.Level;
import org.community.org.tree.LevelRules;
import org.community.org.tree.OrgForm;
import org.community.org.tree.Paths;
import org.community.org.tree.UnitStatus;
import org.postgresql.util.PSQLException;

/**
 * One import, all or nothing, on one connection in one transaction. Pass 1 streams the unit rows of the file
 * into COPY org_unit, pass 2 the household rows into COPY household (so households may come before their
 * building in the file; a unit's parent must come before it). Roll-up deltas are summed in memory per
 * ancestor and applied in one statement at the end. Every bad row is reported by line, up to a limit; after
 * the first one nothing more is sent to the database and the transaction is rolled back.
 */
final class ImportRun {

    static final int MAX_ERRORS = 200;
    private static final int PROGRESS_EVERY = 20_000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9\\- ]{5,20}");
    private static final String UNIT_COLUMNS = "id, key, code, name, level, form, established_on, status, address, leader_name,"
            + " parent_id, path, depth, version, created_at, updated_at";
    private static final String HOUSEHOLD_COLUMNS = "id, building_id, path, compound, building, entrance, room, residents, head_name,"
            + " phone, is_central, version, created_at, updated_at";

    /** A unit a row may refer to: one of this file, or one already stored. */
    private record UnitRef(UUID id, long key, String path, Level level, String name, String compound, boolean active, long line) {
    }

    private final Connection connection;
    /** The subtree every row must land in; null for a whole-tree import. */
    private final String parentPath;
    private final Path file;
    private final ImportFormat format;
    private final java.nio.charset.Charset charset;
    private final LevelRules rules;
    private final Locale locale;
    private final LongConsumer progress;
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    private final Map<String, UnitRef> fileUnits = new HashMap<>();
    private final Map<String, UnitRef> storedUnits = new HashMap<>();
    private final Map<Long, Counts> unitContributions = new HashMap<>();
    private final Map<String, Counts> householdsByBuildingPath = new HashMap<>();
    private final List<Long> newKeys = new ArrayList<>();
    final List<RowError> errors = new ArrayList<>();
    int errorCount;
    long rowsDone;
    long unitsCreated;
    long householdsCreated;

    private long nextKey;

    ImportRun(Connection connection, Path file, ImportFormat format, java.nio.charset.Charset charset, LevelRules rules, Locale locale,
            LongConsumer progress, String parentPath) {
        this.parentPath = parentPath;
        this.connection = connection;
        this.file = file;
        this.format = format;
        this.charset = charset;
        this.rules = rules;
        this.locale = locale;
        this.progress = progress;
    }

    /**
     * Resolves references, runs both COPY passes and the roll-ups; true when every row was good and written
     * (the caller commits). No query may run while a COPY is open on the connection, so everything the passes
     * look up is fetched before: the stored units the file refers to, and a block of keys for its units.
     */
    boolean execute() throws IOException, SQLException {
        try (RowReader reader = new RowReader(file, format, charset)) {
            if (reader.headerError() != null) {
                error(1, "header", "importHeader", reader.headerError());
                return false;
            }
        }
        resolveReferences();
        unitPass();
        householdPass();
        if (errorCount > 0) {
            return false;
        }
        writeRollups();
        org.community.org.changes.ChangeLog.recordCreated(connection, newKeys, now.toInstant());
        return true;
    }

    private void resolveReferences() throws IOException, SQLException {
        Set<String> definedSoFar = new HashSet<>();
        Set<String> lookUp = new HashSet<>();
        Set<String> buildingCodes = new HashSet<>();
        long unitRows = 0;
        try (RowReader reader = new RowReader(file, format, charset)) {
            for (RowReader.Row row = reader.next(); row != null; row = reader.next()) {
                if (row.error() != null) {
                    continue;
                }
                if ("unit".equalsIgnoreCase(row.get(Column.TYPE))) {
                    unitRows++;
                    // a parent defined earlier in the file needs no lookup; one defined later may be a stored unit
                    addUnlessDefined(lookUp, definedSoFar, row.get(Column.PARENT_CODE));
                    addIfPresent(definedSoFar, row.get(Column.CODE));
                } else {
                    addIfPresent(buildingCodes, row.get(Column.BUILDING_CODE));
                }
            }
        }
        // households may come before their building; a building the file defines is that one
        buildingCodes.removeAll(definedSoFar);
        lookUp.addAll(buildingCodes);
        List<String> codes = new ArrayList<>(lookUp);
        for (int from = 0; from < codes.size(); from += 1000) {
            loadStored(codes.subList(from, Math.min(codes.size(), from + 1000)));
        }
        reserveKeys(unitRows);
    }

    private static void addUnlessDefined(Set<String> codes, Set<String> defined, String code) {
        if (code != null && !defined.contains(code)) {
            codes.add(code);
        }
    }

    private static void addIfPresent(Set<String> codes, String code) {
        if (code != null) {
            codes.add(code);
        }
    }

    private void unitPass() throws IOException, SQLException {
        try (RowReader reader = new RowReader(file, format, charset);
                CopyStream copy = CopyStream.openUnless(errorCount > 0, connection, "org_unit", UNIT_COLUMNS)) {
            for (RowReader.Row row = reader.next(); row != null; row = reader.next()) {
                if (row.error() != null) {
                    error(row.line(), "line", "importUnreadable", row.error());
                    continue;
                }
                String type = row.get(Column.TYPE);
                if ("unit".equalsIgnoreCase(type)) {
                    unit(row, copy);
                    tick();
                } else if (!"household".equalsIgnoreCase(type)) {
                    error(row.line(), Column.TYPE, "importType");
                }
            }
            finish(copy);
        }
        if (errorCount == 0) {
            try (CopyStream copy = new CopyStream(connection, "unit_rollup", "unit_key")) {
                for (long key : newKeys) {
                    copy.write(0, key);
                }
                finish(copy);
            }
        }
    }

    private void unit(RowReader.Row row, CopyStream copy) throws IOException {
        long line = row.line();
        String code = required(row, Column.CODE, 64);
        String name = required(row, Column.NAME, 100);
        Level level = enumValue(row, Column.LEVEL, Level.class, true);
        OrgForm form = enumValue(row, Column.FORM, OrgForm.class, false);
        LocalDate established = date(row, Column.ESTABLISHED_ON);
        String address = optional(row, Column.ADDRESS, 200);
        String leader = optional(row, Column.LEADER_NAME, 50);
        if (code != null && !CODE.matcher(code).matches()) {
            error(line, Column.CODE, "importCodePattern");
            code = null;
        }
        if (code != null && fileUnits.containsKey(code)) {
            error(line, Column.CODE, "importDuplicateCode", code, fileUnits.get(code).line());
            return;
        }
        if (code == null || name == null || level == null) {
            return;
        }
        String parentCode = row.get(Column.PARENT_CODE);
        UnitRef parent = null;
        if (parentCode == null) {
            if (!rules.mayBeRoot(level)) {
                error(line, Column.PARENT_CODE, "parentRequired", level);
                return;
            }
            if (parentPath != null) {
                error(line, Column.PARENT_CODE, "importOutsideParent", code);
                return;
            }
        } else {
            parent = unitByCode(parentCode);
            if (parent == null) {
                error(line, Column.PARENT_CODE, "importParentMissing", parentCode);
                return;
            }
            if (parentPath != null && !parent.path().startsWith(parentPath)) {
                error(line, Column.PARENT_CODE, "importOutsideParent", parentCode);
                return;
            }
            if (!parent.active()) {
                error(line, Column.PARENT_CODE, "parentDissolved", parent.name());
                return;
            }
            if (!rules.allows(parent.level(), level)) {
                error(line, Column.LEVEL, "levelPairIllegal", level, parent.level());
                return;
            }
        }
        long key = nextKey++;
        String path = Paths.child(parent == null ? null : parent.path(), key);
        String compound = level == Level.COMPOUND ? name : parent == null ? null : parent.compound();
        UnitRef unit = new UnitRef(Ids.newId(), key, path, level, name, compound, true, line);
        fileUnits.put(code, unit);
        if (errorCount > 0) {
            return;
        }
        int depth = parent == null ? 1 : Paths.keys(parent.path()).length + 1;
        copy.write(line, unit.id(), key, code, name, level, form, established, UnitStatus.ACTIVE, address, leader,
                parent == null ? null : parent.id(), path, depth, 1, now, now);
        newKeys.add(key);
        unitsCreated++;
        unitContributions.put(key, Counts.ofUnit(level, form, UnitStatus.ACTIVE, false));
    }

    private void householdPass() throws IOException, SQLException {
        try (RowReader reader = new RowReader(file, format, charset);
                CopyStream copy = CopyStream.openUnless(errorCount > 0, connection, "household", HOUSEHOLD_COLUMNS)) {
            for (RowReader.Row row = reader.next(); row != null; row = reader.next()) {
                if (row.error() == null && "household".equalsIgnoreCase(row.get(Column.TYPE))) {
                    household(row, copy);
                    tick();
                }
            }
            finish(copy);
        }
    }

    private void household(RowReader.Row row, CopyStream copy) throws IOException {
        long line = row.line();
        String buildingCode = required(row, Column.BUILDING_CODE, 64);
        String room = required(row, Column.ROOM, 20);
        String entrance = optional(row, Column.ENTRANCE, 20);
        String compound = optional(row, Column.COMPOUND, 100);
        String buildingName = optional(row, Column.BUILDING, 100);
        String head = optional(row, Column.HEAD_NAME, 50);
        String phone = optional(row, Column.PHONE, 20);
        Integer residents = number(row, Column.RESIDENTS, 0, 99);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            error(line, Column.PHONE, "importPhone");
        }
        if (buildingCode == null || room == null || residents == null) {
            return;
        }
        UnitRef building = unitByCode(buildingCode);
        if (building == null) {
            error(line, Column.BUILDING_CODE, "buildingUnknown", buildingCode);
            return;
        }
        if (building.level() != Level.BUILDING) {
            error(line, Column.BUILDING_CODE, "buildingRequired", building.name(), building.level());
            return;
        }
        if (parentPath != null && !building.path().startsWith(parentPath)) {
            error(line, Column.BUILDING_CODE, "importOutsideParent", buildingCode);
            return;
        }
        if (!building.active()) {
            error(line, Column.BUILDING_CODE, "buildingDissolved", building.name());
            return;
        }
        if (errorCount > 0) {
            return;
        }
        copy.write(line, Ids.newId(), building.id(), building.path(), compound != null ? compound : building.compound(),
                buildingName != null ? buildingName : building.name(), entrance == null ? "" : entrance, room, residents, head, phone,
                false, 1, now, now);
        householdsCreated++;
        householdsByBuildingPath.computeIfAbsent(building.path(), p -> Counts.zero())
                .accumulate(Counts.ofHousehold(residents, false, false));
    }

    /**
     * Sums every new unit's and household's contribution per ancestor, then adds the sums to the stored
     * counters in one UPDATE, after locking those rows in key order like every other writer.
     */
    private void writeRollups() throws IOException, SQLException {
        Map<Long, Counts> deltas = new HashMap<>();
        for (UnitRef unit : fileUnits.values()) {
            Counts contribution = unitContributions.get(unit.key());
            for (long ancestor : Paths.ancestorKeys(unit.path())) {
                deltas.computeIfAbsent(ancestor, k -> Counts.zero()).accumulate(contribution);
            }
        }
        householdsByBuildingPath.forEach((path, counts) -> {
            for (long key : Paths.keys(path)) {
                deltas.computeIfAbsent(key, k -> Counts.zero()).accumulate(counts);
            }
        });
        if (deltas.isEmpty()) {
            return;
        }
        try (PreparedStatement create = connection.prepareStatement(
                "create temp table rollup_delta (like unit_rollup) on commit drop")) {
            create.execute();
        }
        StringBuilder columns = new StringBuilder("unit_key");
        StringBuilder sets = new StringBuilder();
        for (Metric metric : Metric.values()) {
            columns.append(", ").append(metric.column());
            sets.append(sets.isEmpty() ? "" : ", ").append(metric.column()).append(" = r.").append(metric.column())
                    .append(" + d.").append(metric.column());
        }
        try (CopyStream copy = new CopyStream(connection, "rollup_delta", columns.toString())) {
            for (Map.Entry<Long, Counts> delta : deltas.entrySet()) {
                Object[] values = new Object[Metric.values().length + 1];
                values[0] = delta.getKey();
                for (Metric metric : Metric.values()) {
                    values[metric.ordinal() + 1] = delta.getValue().get(metric);
                }
                copy.write(0, values);
            }
            copy.finish();
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "select unit_key from unit_rollup where unit_key in (select unit_key from rollup_delta) order by unit_key for update");
                PreparedStatement update = connection.prepareStatement(
                        "update unit_rollup r set " + sets + " from rollup_delta d where r.unit_key = d.unit_key")) {
            lock.executeQuery().close();
            update.executeUpdate();
        }
    }

    private UnitRef unitByCode(String code) {
        UnitRef inFile = fileUnits.get(code);
        return inFile != null ? inFile : storedUnits.get(code);
    }

    /**
     * Stored units the file refers to, held against concurrent moves for the rest of the import (a move
     * would change their paths), each with the name of the nearest compound above it for default addresses.
     */
    private void loadStored(List<String> codes) throws SQLException {
        record Stored(String code, UUID id, long key, String path, Level level, String name, boolean active) {
        }
        List<Stored> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select code, id, key, path, level, name, status from org_unit where code = any(?) for share")) {
            query.setArray(1, connection.createArrayOf("text", codes.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.add(new Stored(row.getString("code"), row.getObject("id", UUID.class), row.getLong("key"), row.getString("path"),
                            Level.valueOf(row.getString("level")), row.getString("name"), "ACTIVE".equals(row.getString("status"))));
                }
            }
        }
        Set<Long> ancestorKeys = new HashSet<>();
        found.forEach(unit -> Arrays.stream(Paths.keys(unit.path())).forEach(ancestorKeys::add));
        Map<Long, String> compounds = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select key, name from org_unit where key = any(?) and level = 'COMPOUND'")) {
            query.setArray(1, connection.createArrayOf("bigint", ancestorKeys.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    compounds.put(row.getLong(1), row.getString(2));
                }
            }
        }
        for (Stored unit : found) {
            String compound = null;
            for (long key : Paths.keys(unit.path())) {
                compound = compounds.getOrDefault(key, compound);
            }
            storedUnits.put(unit.code(), new UnitRef(unit.id(), unit.key(), unit.path(), unit.level(), unit.name(), compound,
                    unit.active(), 0));
        }
    }

    private void reserveKeys(long count) throws SQLException {
        if (count == 0) {
            return;
        }
        try (PreparedStatement reserve = connection.prepareStatement(
                "select setval('org_unit_key_seq', nextval('org_unit_key_seq') + ? - 1)")) {
            reserve.setLong(1, count);
            try (ResultSet row = reserve.executeQuery()) {
                row.next();
                nextKey = row.getLong(1) - count + 1;
            }
        }
    }

    /** Ends a COPY unless an error came first; a constraint the database rejects becomes the error of its line. */
    private void finish(CopyStream copy) throws SQLException {
        if (copy == null) {
            return;
        }
        if (errorCount > 0) {
            copy.cancel();
            return;
        }
        try {
            copy.finish();
        } catch (IOException | SQLException e) {
            PSQLException database = cause(e);
            if (database == null || database.getServerErrorMessage() == null) {
                throw e instanceof SQLException sql ? sql : new SQLException(e);
            }
            String constraint = database.getServerErrorMessage().getConstraint();
            long line = copy.fileLineOf(database.getServerErrorMessage().getWhere());
            if ("org_unit_code_key".equals(constraint)) {
                error(line, Column.CODE, "importCodeStored");
            } else if ("household_address".equals(constraint)) {
                error(line, Column.ROOM, "importAddressTaken");
            } else {
                error(line, "line", "importRejected", database.getServerErrorMessage().getMessage());
            }
        }
    }

    private static PSQLException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql) {
                return psql;
            }
        }
        return null;
    }

    private void tick() {
        rowsDone++;
        if (rowsDone % PROGRESS_EVERY == 0) {
            progress.accept(rowsDone);
        }
    }

    private String required(RowReader.Row row, Column column, int maxLength) {
        String value = row.get(column);
        if (value == null) {
            error(row.line(), column, "importRequired");
            return null;
        }
        return length(row, column, value, maxLength);
    }

    private String optional(RowReader.Row row, Column column, int maxLength) {
        String value = row.get(column);
        return value == null ? null : length(row, column, value, maxLength);
    }

    private String length(RowReader.Row row, Column column, String value, int maxLength) {
        if (value.length() > maxLength) {
            error(row.line(), column, "importTooLong", maxLength);
            return null;
        }
        return value;
    }

    private <E extends Enum<E>> E enumValue(RowReader.Row row, Column column, Class<E> type, boolean required) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                error(row.line(), column, "importRequired");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(row.line(), column, "badValue", value, type.getSimpleName());
            return null;
        }
    }

    private LocalDate date(RowReader.Row row, Column column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isAfter(Times.today())) {
                error(row.line(), column, "importFutureDate");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            error(row.line(), column, "importBadDate", value);
            return null;
        }
    }

    private Integer number(RowReader.Row row, Column column, int min, int max) {
        String value = row.get(column);
        if (value == null) {
            error(row.line(), column, "importRequired");
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                error(row.line(), column, "importRange", min, max);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            error(row.line(), column, "importBadNumber", value);
            return null;
        }
    }

    private void error(long line, Column column, String key, Object... args) {
        error(line, format == ImportFormat.CSV ? column.csvName : column.jsonName, key, args);
    }

    private void error(long line, String field, String key, Object... args) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new RowError(line, field, Messages.get(locale, key, args)));
        }
    }
}
