package org.community.org.education.teacher;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TeacherInput", description = "A teacher of a unit's pool: INTERNAL names a member (the name is the member's), "
        + "EXTERNAL a name and an affiliation",
        example = "{\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"kind\":\"EXTERNAL\",\"name\":\"李明\",\"affiliation\":\"安徽省委党校\","
                + "\"title\":\"教授\",\"specialties\":[\"基层党建\",\"社区协商\"]}")
public record TeacherInput(
        @NotNull UUID unitId,
        @NotNull TeacherKind kind,
        @Schema(description = "INTERNAL only: the member who teaches") UUID memberId,
        @Size(max = 50) @Schema(description = "EXTERNAL only (INTERNAL teachers carry their member's name)") String name,
        @Size(max = 100) String affiliation,
        @Size(max = 50) String title,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 50) String> specialties,
        @Pattern(regexp = "1[3-9][0-9]{9}", message = "{org.phone.pattern}") String phone,
        @Schema(description = "False takes the teacher out of new course plans; true when absent") Boolean active) {
}
