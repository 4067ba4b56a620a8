package org.community.org.education.program;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgramTransition", description = "The status to move the program to", example = "{\"to\":\"OPEN\"}")
public record ProgramTransition(@NotNull ProgramStatus to) {
}
