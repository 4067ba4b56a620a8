package org.community.volunteer.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "SECRETARY_PROJECT (书记项目), PRACTICAL_MATTER (我为群众办实事) or OTHER")
public enum ProjectKind {
    SECRETARY_PROJECT, PRACTICAL_MATTER, OTHER
}
