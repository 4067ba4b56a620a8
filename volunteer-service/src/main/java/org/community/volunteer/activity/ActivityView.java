package org.community.volunteer.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Activity", description = "An activity with its places taken and its waitlist; the check-in code is not shown here",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\",\"teamId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\",\"title\":\"电梯安全巡查\","
                + "\"category\":\"SAFETY\",\"place\":\"文康苑小区 3 栋\",\"startsAt\":\"2023-08-20T09:00:00+08:00\","
                + "\"endsAt\":\"2023-08-20T11:30:00+08:00\",\"capacity\":20,\"confirmed\":20,\"waitlisted\":3,\"placesLeft\":0,\"requiredSkills\":[\"电梯安全\"],"
                + "\"status\":\"OPEN\",\"phase\":\"UPCOMING\",\"version\":1,"
                + "\"createdAt\":\"2023-08-10T09:00:00+08:00\"}")
public record ActivityView(UUID id, UUID teamId, String title, @Schema(nullable = true) String category, @Schema(nullable = true) String place, @Schema(nullable = true) String description,
        OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
        @Schema(description = "Confirmed sign-ups") int confirmed,
        @Schema(description = "Sign-ups on the waitlist") int waitlisted,
        int placesLeft, List<String> requiredSkills, @Schema(nullable = true) OffsetDateTime signupOpensAt, @Schema(nullable = true) OffsetDateTime signupClosesAt,
        ActivityStatus status,
        @Schema(description = "UPCOMING, ONGOING or ENDED, from the clock") String phase,
        long version, OffsetDateTime createdAt) {

    public static ActivityView of(Activity a) {
        Instant now = Instant.now();
        String phase = now.isBefore(a.startsAt) ? "UPCOMING" : now.isBefore(a.endsAt) ? "ONGOING" : "ENDED";
        return new ActivityView(a.id, a.teamId, a.title, a.category, a.place, a.description, Times.local(a.startsAt),
                Times.local(a.endsAt), a.capacity, a.confirmedCount, a.waitlistCount, a.placesLeft(), List.of(a.requiredSkills),
                Times.local(a.signupOpensAt), Times.local(a.signupClose()), a.status, phase, a.version, Times.local(a.createdAt));
    }
}
