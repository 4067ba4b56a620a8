package org.community.volunteer.certificate;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code volunteer.certificate.*}: how record certificates (志愿服务记录证明) are printed. */
@ConfigMapping(prefix = "volunteer.certificate")
public interface CertificateConfig {

    /** A TrueType/OpenType font with CJK glyphs (.ttf or .ttc), tried first. */
    Optional<String> font();

    /** Whether the usual system font paths (WenQuanYi, Droid Sans Fallback, AR PL UMing) are tried after {@link #font()}. */
    @WithDefault("true")
    boolean systemFonts();
}
