package org.community.org.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MemberStep", description = "One step in a member's history, with its date")
public record MemberStep(UUID id, MemberStatus status, LocalDate on, @Schema(nullable = true) String note, OffsetDateTime recordedAt) {
}
