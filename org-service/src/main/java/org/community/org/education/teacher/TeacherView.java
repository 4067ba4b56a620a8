package org.community.org.education.teacher;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Teacher", description = "A teacher of a unit's pool; `courses` (what they taught) on the single read")
public record TeacherView(UUID id, UUID unitId, String unitName, TeacherKind kind, @Schema(nullable = true) UUID memberId, String name, @Schema(nullable = true) String affiliation,
        @Schema(nullable = true) String title, List<String> specialties,
        @Schema(nullable = true, description = "Masked (138****1234) unless the caller's role and scope may see phones") String phone, boolean active,
        long version, @Schema(nullable = true) List<CourseTaught> courses) {

    @Schema(name = "CourseTaught", description = "A course the teacher taught, with its sessions held")
    public record CourseTaught(UUID courseId, String title, UUID programId, String programName, BigDecimal hours, long sessions) {
    }
}
