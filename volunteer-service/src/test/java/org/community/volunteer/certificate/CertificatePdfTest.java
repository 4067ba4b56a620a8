package org.community.volunteer.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.community.volunteer.hours.ServiceRecordRepository.VerifiedLine;
import org.junit.jupiter.api.Test;

/** The certificate without any CJK font (as on a machine without one): still a readable PDF, paged. */
class CertificatePdfTest {

    @Test
    void latinFallbackWithManyRecords() throws Exception {
        CertificatePdf pdf = new CertificatePdf();
        pdf.config = new CertificateConfig() {
            @Override
            public Optional<String> font() {
                return Optional.empty();
            }

            @Override
            public boolean systemFonts() {
                return false;
            }
        };
        assertFalse(pdf.hasCjkFont());
        List<VerifiedLine> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(new VerifiedLine(Instant.parse("2023-08-20T01:00:00Z").plus(i, ChronoUnit.DAYS), "电梯安全巡查 " + i, "文康苑", 90));
        }
        byte[] bytes = pdf.render(new CertificatePdf.Content("VSC-2023-00000007", "李娜", "420***********1237", "先锋队", "滨湖世纪社区",
                lines, 40 * 90, Instant.parse("2023-09-01T02:00:00Z")));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertEquals(2, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("VSC-2023-00000007"), text);
            assertTrue(text.contains("Total verified hours: 60.00"), text);
            assertTrue(text.contains("Records: 40"), text);
            assertTrue(text.contains("2023-08-20"), text);
        }
    }
}
