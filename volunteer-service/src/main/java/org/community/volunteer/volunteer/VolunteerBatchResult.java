package org.community.volunteer.volunteer;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a batch registration created. */
@Schema(name = "VolunteerBatchResult", description = "The new volunteers' ids, in the order of the request",
        example = "{\"created\":2,\"ids\":[\"0190f5a3-1b2c-7d4e-8f60-7a8b9c0d1e2f\",\"0190f5a3-1b2c-7d4e-9a71-2b3c4d5e6f70\"]}")
public record VolunteerBatchResult(
        @Schema(description = "How many volunteers were registered (all of the request)") int created,
        @Schema(description = "Their ids: ids[i] is volunteers[i] of the request") List<UUID> ids) {
}
