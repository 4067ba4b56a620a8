package org.community.org.transfer;

import java.time.LocalDate;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransferDecision", description = "Accept, reject or cancel a transfer", example = "{\"on\":\"2026-11-22\",\"note\":\"已报到\"}")
public record Decision(@PastOrPresent @Schema(description = "Today when absent") LocalDate on, @Size(max = 500) String note) {
}
