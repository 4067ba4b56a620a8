package org.community.org.tree;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new unit. The parent is required unless the level may stand at the top (CITY, DISTRICT, STREET by default). */
@Schema(name = "OrgUnitInput", description = "A new org unit",
        example = "{\"code\":\"JXY-B03\",\"name\":\"江欣苑小区第三党支部\",\"level\":\"COMPOUND\",\"form\":\"BRANCH\","
                + "\"parentId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"establishedOn\":\"2019-07-01\","
                + "\"address\":\"武汉市江汉区江欣苑小区\",\"leaderName\":\"王红\"}")
public record OrgUnitInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = Codes.PATTERN, message = "{org.code.pattern}")
        @Schema(description = "Unique code, letters, digits, '.', '_' or '-'", example = "JXY-B03") String code,
        @NotBlank @Size(max = 100) @Schema(description = "Name", example = "江欣苑小区第三党支部") String name,
        @NotNull @Schema(description = "Level in the chain") Level level,
        @Schema(description = "Organization form; absent when no party organization exists here yet") OrgForm form,
        @Schema(description = "Parent unit id") UUID parentId,
        @PastOrPresent @Schema(description = "Date the organization was established", example = "2019-07-01") LocalDate establishedOn,
        @Size(max = 200) @Schema(description = "Address") String address,
        @Size(max = 50) @Schema(description = "Leader name as a display text only. Whether the unit has a leader is decided by an "
                + "active SECRETARY post (GROUP_LEADER for a group) under /api/v1/members/posts, whose holder then replaces this name",
                example = "王红") String leaderName) {
}
