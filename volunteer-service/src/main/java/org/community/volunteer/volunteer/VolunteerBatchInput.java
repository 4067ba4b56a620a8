package org.community.volunteer.volunteer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Volunteers registered together, e.g. a community's spreadsheet (批量登记). */
@Schema(name = "VolunteerBatchInput", description = "1 to 500 registrations, checked as a whole and written all or nothing",
        example = "{\"volunteers\":[{\"name\":\"李娜\",\"phone\":\"13812341234\",\"idNumber\":\"420102199001011237\",\"gender\":\"FEMALE\","
                + "\"skills\":[\"ELDER_CARE\"],\"orgUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\"},"
                + "{\"name\":\"王强\",\"phone\":\"13912345678\",\"gender\":\"MALE\",\"skills\":[\"REPAIR\"],"
                + "\"orgUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"account\":\"wang-qiang\"}]}")
public record VolunteerBatchInput(
        @NotNull @Size(min = 1, max = VolunteerBatchInput.MAX)
        @Schema(description = "The registrations, each as for POST /api/v1/volunteers; errors name them `volunteers[i].field`",
                minItems = 1, maxItems = VolunteerBatchInput.MAX)
        List<@NotNull @Valid VolunteerInput> volunteers) {

    public static final int MAX = 500;
}
