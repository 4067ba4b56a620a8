package org.community.consultation.projects;

import java.util.List;
import java.util.UUID;

/** The body of volunteer-service's {@code POST /api/v1/projects}. */
public record NewProject(String name, String kind, UUID teamId, String description, List<UUID> demandIds) {
}
