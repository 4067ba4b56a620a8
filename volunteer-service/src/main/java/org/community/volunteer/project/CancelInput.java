package org.community.volunteer.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancelInput", description = "Why a project is cancelled; its demands open again", example = "{\"reason\":\"业主大会未通过\"}")
public record CancelInput(@NotBlank @Size(max = 500) String reason) {
}
