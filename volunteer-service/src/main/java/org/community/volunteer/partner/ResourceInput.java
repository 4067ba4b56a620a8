package org.community.volunteer.partner;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResourceInput", description = "A resource a partner offers (资源清单)",
        example = "{\"partnerId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a70\",\"title\":\"电梯维保技术人员\",\"category\":\"SAFETY\","
                + "\"quantity\":\"每月 2 人次\"}")
public record ResourceInput(@NotNull UUID partnerId, @NotBlank @Size(max = 100) String title,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String category,
        @Size(max = 1000) String description, @Size(max = 100) String quantity) {
}
