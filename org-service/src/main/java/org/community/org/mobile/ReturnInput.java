package org.community.org.mobile;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OutflowReturn", description = "The member is back", example = "{\"returnedOn\":\"2027-01-20\"}")
public record ReturnInput(@NotNull @PastOrPresent LocalDate returnedOn) {
}
