package org.community.consultation.projects;

import java.util.UUID;

/** The body of volunteer-service's {@code POST /api/v1/projects}. */
public record NewProject(String title, String description, UUID orgUnitId, String category) {
}
