package org.community.volunteer.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Signup", description = "A sign-up; waitlisted ones carry their place in the queue",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a50\",\"activityId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\","
                + "\"volunteerId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"status\":\"WAITLISTED\",\"waitlistPosition\":2,"
                + "\"createdAt\":\"2023-08-12T20:15:00+08:00\"}")
public record SignupView(UUID id, UUID activityId, UUID volunteerId, @Schema(nullable = true) String volunteerName, SignupStatus status,
        @Schema(nullable = true, description = "1 = next to be promoted; waitlisted sign-ups only") Integer waitlistPosition,
        OffsetDateTime createdAt, @Schema(nullable = true) OffsetDateTime promotedAt, @Schema(nullable = true) OffsetDateTime cancelledAt) {

    public static SignupView of(Signup s, String volunteerName, Integer position) {
        return new SignupView(s.id, s.activityId, s.volunteerId, volunteerName, s.status, position, Times.local(s.createdAt),
                Times.local(s.promotedAt), Times.local(s.cancelledAt));
    }
}
