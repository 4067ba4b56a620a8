package org.community.org.education.program;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VenueInput", description = "A place where the program is taught",
        example = "{\"name\":\"社区治理学院 一号教室\",\"kind\":\"CLASSROOM\",\"address\":\"滨湖世纪社区党群服务中心三楼\",\"capacity\":120}")
public record VenueInput(
        @NotBlank @Size(max = 100) String name,
        @NotNull VenueKind kind,
        @Schema(description = "The unit hosting it (e.g. a city's sub-classroom); its staff record attendance here") UUID hostUnitId,
        @Size(max = 200) String address,
        @Min(1) @Max(100000) Integer capacity) {
}
