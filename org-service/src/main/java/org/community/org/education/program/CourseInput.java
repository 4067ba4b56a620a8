package org.community.org.education.program;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CourseInput", description = "A course of the program's plan; a trainee earns its credits once, at the first session attended",
        example = "{\"title\":\"党建引领小区治理\",\"theme\":\"基层党建\",\"teacherId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\","
                + "\"hours\":2,\"credits\":2,\"format\":\"IN_PERSON\"}")
public record CourseInput(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 50) @Schema(description = "e.g. 基层党建, 社区营造, 志愿服务, 组织培育, 城市管理, 社区协商") String theme,
        @NotNull @Schema(description = "A teacher of the pool of the program's unit or one of its ancestors") UUID teacherId,
        @NotNull @DecimalMin("0.5") @DecimalMax("100") BigDecimal hours,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal credits,
        @NotNull CourseFormat format,
        @Size(max = 2000) String description) {
}
