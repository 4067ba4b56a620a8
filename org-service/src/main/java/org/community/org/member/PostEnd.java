package org.community.org.member;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PostEnd", description = "End a post (离任)", example = "{\"endedOn\":\"2026-09-30\",\"reason\":\"换届\"}")
public record PostEnd(@NotNull @PastOrPresent LocalDate endedOn, @Size(max = 200) String reason) {
}
