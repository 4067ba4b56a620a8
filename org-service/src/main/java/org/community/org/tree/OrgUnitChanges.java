package org.community.org.tree;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The editable fields of a unit (PUT replaces them all). Level and parent are not edited here: the parent
 * changes by a move, the level never.
 */
@Schema(name = "OrgUnitChanges", description = "The editable fields of an org unit",
        example = "{\"code\":\"JXY-B03\",\"name\":\"江欣苑小区第三党支部\",\"form\":\"BRANCH\",\"establishedOn\":\"2019-07-01\","
                + "\"address\":\"武汉市江汉区江欣苑小区\",\"leaderName\":\"李明\"}")
public record OrgUnitChanges(
        @NotBlank @Size(max = 64) @Pattern(regexp = Codes.PATTERN, message = "{org.code.pattern}") String code,
        @NotBlank @Size(max = 100) String name,
        OrgForm form,
        @PastOrPresent LocalDate establishedOn,
        @Size(max = 200) String address,
        @Size(max = 50) @Schema(description = "Display text; ignored while a leading post is held (the holder's name is shown)") String leaderName) {
}
