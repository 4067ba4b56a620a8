package org.community.org.imports;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;

/** {@code org.imports.*}: how bulk imports are taken in. */
@ConfigMapping(prefix = "org.imports")
public interface ImportsConfig {

    /**
     * Where an uploaded file is spooled before its rows are read (streamed to disk, so city-size files do not sit in
     * memory); created when missing. The local suite puts it under its data directory.
     */
    Path spoolDir();
}
