package org.community.volunteer.hours;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.http.Times;
import org.community.volunteer.volunteer.Stars;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ServiceRecord", description = "A service record; only VERIFIED records count toward hours and stars",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a60\",\"activityId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\","
                + "\"volunteerId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"teamId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\","
                + "\"status\":\"VERIFIED\",\"checkedInAt\":\"2023-08-20T08:55:00+08:00\",\"checkedOutAt\":\"2023-08-20T11:32:00+08:00\","
                + "\"checkInMethod\":\"CODE\",\"minutes\":150,\"verifiedMinutes\":150,\"verifiedHours\":2.5,\"version\":2}")
public record ServiceRecordView(UUID id, UUID activityId, UUID volunteerId, @Schema(nullable = true) UUID teamId, RecordStatus status, OffsetDateTime checkedInAt,
        @Schema(nullable = true) OffsetDateTime checkedOutAt, CheckMethod checkInMethod, @Schema(nullable = true) CheckMethod checkOutMethod,
        @Schema(nullable = true, description = "Computed from check-in and check-out, within the activity's time") Integer minutes,
        @Schema(nullable = true, description = "Minutes credited by the leader") Integer verifiedMinutes,
        @Schema(nullable = true) BigDecimal verifiedHours, @Schema(nullable = true) String adjustReason, @Schema(nullable = true) UUID reviewedBy, @Schema(nullable = true) OffsetDateTime reviewedAt, @Schema(nullable = true) String reviewNote, long version) {

    public static ServiceRecordView of(ServiceRecord r) {
        return new ServiceRecordView(r.id(), r.activityId(), r.volunteerId(), r.teamId(), r.status(), Times.local(r.checkedInAt()),
                Times.local(r.checkedOutAt()), r.checkInMethod(), r.checkOutMethod(), r.minutes(), r.verifiedMinutes(),
                r.verifiedMinutes() == null ? null : Stars.hours(r.verifiedMinutes()), r.adjustReason(), r.reviewedBy(),
                Times.local(r.reviewedAt()), r.reviewNote(), r.version());
    }
}
