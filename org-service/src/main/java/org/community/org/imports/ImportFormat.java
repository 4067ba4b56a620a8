package org.community.org.imports;

import jakarta.ws.rs.core.MediaType;

/** The two file formats an import accepts, by Content-Type. */
public enum ImportFormat {
    CSV("text/csv"), NDJSON("application/x-ndjson");

    public final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    static ImportFormat of(MediaType type) {
        if (type == null) {
            return null;
        }
        String base = type.getType() + "/" + type.getSubtype();
        for (ImportFormat format : values()) {
            if (format.mediaType.equalsIgnoreCase(base)) {
                return format;
            }
        }
        return null;
    }
}
