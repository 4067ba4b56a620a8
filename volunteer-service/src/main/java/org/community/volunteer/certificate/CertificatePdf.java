package org.community.volunteer.certificate;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.community.volunteer.hours.ServiceRecordRepository.VerifiedLine;
import org.community.conventions.http.Times;
import org.community.volunteer.volunteer.Stars;
import org.jboss.logging.Logger;

/**
 * Renders the volunteer service record certificate (志愿服务记录证明) as an A4 PDF: identity, the verified
 * records, the total, the issuing organization and the serial number. Chinese text needs a CJK font: the
 * configured one, else a usual system path (WenQuanYi, Noto CJK, Droid fallback). Without one the PDF is
 * still produced, with English labels and non-Latin characters of names shown as '?'.
 */
@ApplicationScoped
public class CertificatePdf {

    private static final Logger LOG = Logger.getLogger(CertificatePdf.class);
    private static final List<String> SYSTEM_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final int LINES_PER_PAGE = 28;

    @Inject
    CertificateConfig config;

    public record Content(String serial, String volunteerName, String maskedIdNumber, String teamName, String issuer,
            List<VerifiedLine> lines, long totalMinutes, Instant issuedAt) {
    }

    /** Whether certificates are written with a CJK font here (for tests and the README). */
    public boolean hasCjkFont() {
        return fontFile().isPresent();
    }

    public byte[] render(Content content) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = loadFont(document);
            boolean cjk = !(font instanceof PDType1Font);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Volunteer Service Record Certificate " + content.serial());
            info.setSubject(content.serial());
            info.setCreator("volunteer-service");
            List<List<VerifiedLine>> pages = new ArrayList<>();
            for (int i = 0; i < Math.max(1, content.lines().size()); i += LINES_PER_PAGE) {
                pages.add(content.lines().subList(Math.min(i, content.lines().size()),
                        Math.min(i + LINES_PER_PAGE, content.lines().size())));
            }
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    Writer w = new Writer(text, font, cjk);
                    float y = 790;
                    w.line(cjk ? "志愿服务记录证明" : "Volunteer Service Record Certificate", 160, y, 20);
                    y -= 22;
                    if (cjk) {
                        w.line("Volunteer Service Record Certificate", 170, y, 11);
                    }
                    y -= 28;
                    w.line(label(cjk, "证明编号", "Serial No.") + content.serial(), 60, y, 11);
                    w.line(label(cjk, "页", "Page") + (p + 1) + "/" + pages.size(), 450, y, 11);
                    y -= 20;
                    w.line(label(cjk, "姓名", "Name") + content.volunteerName(), 60, y, 11);
                    w.line(label(cjk, "身份证号", "ID No.") + nullToDash(content.maskedIdNumber()), 280, y, 11);
                    y -= 20;
                    w.line(label(cjk, "服务队", "Team") + content.teamName(), 60, y, 11);
                    y -= 20;
                    w.line(label(cjk, "出具单位", "Issued by") + content.issuer(), 60, y, 11);
                    y -= 30;
                    w.line(cjk ? "日期 Date" : "Date", 60, y, 10);
                    w.line(cjk ? "服务内容 Activity" : "Activity", 150, y, 10);
                    w.line(cjk ? "地点 Place" : "Place", 340, y, 10);
                    w.line(cjk ? "时长(小时) Hours" : "Hours", 470, y, 10);
                    y -= 18;
                    for (VerifiedLine line : pages.get(p)) {
                        w.line(DAY.format(line.startsAt().atZone(Times.ZONE)), 60, y, 10);
                        w.line(cut(line.title(), 18), 150, y, 10);
                        w.line(cut(line.place(), 11), 340, y, 10);
                        w.line(Stars.hours(line.minutes()).toPlainString(), 470, y, 10);
                        y -= 17;
                    }
                    if (p == pages.size() - 1) {
                        y -= 15;
                        w.line(label(cjk, "记录条数", "Records") + content.lines().size(), 60, y, 11);
                        y -= 20;
                        w.line(label(cjk, "累计志愿服务时长(小时)", "Total verified hours") + Stars.hours(content.totalMinutes()).toPlainString(),
                                60, y, 12);
                        y -= 30;
                        w.line(cjk ? "以上志愿服务记录经服务队负责人核实,由记录单位出具本证明。"
                                : "The records above were verified by the team's leaders; the recording organization issues this certificate.",
                                60, y, 10);
                        y -= 40;
                        w.line(label(cjk, "出具单位", "Issued by") + content.issuer(), 300, y, 11);
                        y -= 20;
                        w.line(label(cjk, "出具日期", "Date of issue") + DAY.format(content.issuedAt().atZone(Times.ZONE)), 300, y, 11);
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render certificate " + content.serial(), e);
        }
    }

    private static String label(boolean cjk, String chinese, String english) {
        return (cjk ? chinese + " " + english : english) + ": ";
    }

    private static String nullToDash(String text) {
        return text == null ? "-" : text;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private Optional<File> fontFile() {
        List<String> candidates = new ArrayList<>();
        config.font().ifPresent(candidates::add);
        if (config.systemFonts()) {
            candidates.addAll(SYSTEM_FONTS);
        }
        return candidates.stream().map(File::new).filter(File::isFile).findFirst();
    }

    private volatile byte[] cachedFont;

    private byte[] fontBytes(File file) throws IOException {
        byte[] bytes = cachedFont;
        if (bytes == null) {
            bytes = java.nio.file.Files.readAllBytes(file.toPath());
            cachedFont = bytes;
        }
        return bytes;
    }

    private PDFont loadFont(PDDocument document) {
        Optional<File> file = fontFile();
        if (file.isPresent()) {
            try {
                if (file.get().getName().endsWith(".ttc")) {
                    TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(fontBytes(file.get())));
                    List<TrueTypeFont> fonts = new ArrayList<>();
                    collection.processAllFonts(fonts::add);
                    return PDType0Font.load(document, fonts.get(0), true);
                }
                return PDType0Font.load(document, file.get());
            } catch (IOException | RuntimeException e) {
                LOG.warnf("CJK font %s unusable, certificates fall back to Latin text: %s", file.get(), e.toString());
            }
        }
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    /** Writes text; with the Latin fallback font, characters it cannot encode become '?'. */
    private record Writer(PDPageContentStream stream, PDFont font, boolean cjk) {
        void line(String text, float x, float y, float size) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(cjk ? text : latin(text));
            stream.endText();
        }

        private static String latin(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                out.append(c >= 32 && c < 127 ? c : '?');
            }
            return out.toString();
        }
    }
}
