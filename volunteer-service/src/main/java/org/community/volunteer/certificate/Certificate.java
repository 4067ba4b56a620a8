package org.community.volunteer.certificate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Certificate", description = "An issued volunteer service record certificate (志愿服务记录证明)",
        example = "{\"serial\":\"VSC-2023-00000042\",\"volunteerId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\","
                + "\"teamId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\",\"issuer\":\"江欣苑社区\",\"totalHours\":126.5,\"recordCount\":41,"
                + "\"issuedAt\":\"2023-08-21T10:00:00+08:00\",\"pdf\":\"/api/v1/volunteers/0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20/certificates/VSC-2023-00000042\"}")
public record Certificate(String serial, UUID volunteerId, @Schema(nullable = true) UUID teamId, String issuer, BigDecimal totalHours, int recordCount,
        OffsetDateTime issuedAt, @Schema(description = "Where to download the PDF") String pdf) {
}
