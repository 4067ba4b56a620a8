package org.community.org.imports;

/**
 * The fields of an import row. CSV files name them in a header line (snake_case); NDJSON objects use the
 * camelCase names. {@code type} is {@code unit} or {@code household}.
 */
enum Column {
    TYPE("type", "type"),
    CODE("code", "code"),
    PARENT_CODE("parent_code", "parentCode"),
    NAME("name", "name"),
    LEVEL("level", "level"),
    FORM("form", "form"),
    ESTABLISHED_ON("established_on", "establishedOn"),
    ADDRESS("address", "address"),
    LEADER_NAME("leader_name", "leaderName"),
    BUILDING_CODE("building_code", "buildingCode"),
    COMPOUND("compound", "compound"),
    BUILDING("building", "building"),
    ENTRANCE("entrance", "entrance"),
    ROOM("room", "room"),
    RESIDENTS("residents", "residentsCount"),
    HEAD_NAME("head_name", "headName"),
    PHONE("phone", "phone");

    final String csvName;
    final String jsonName;

    Column(String csvName, String jsonName) {
        this.csvName = csvName;
        this.jsonName = jsonName;
    }

    static Column byCsvName(String name) {
        for (Column column : values()) {
            if (column.csvName.equalsIgnoreCase(name.trim())) {
                return column;
            }
        }
        return null;
    }

    static Column byJsonName(String name) {
        for (Column column : values()) {
            if (column.jsonName.equals(name)) {
                return column;
            }
        }
        return null;
    }
}
