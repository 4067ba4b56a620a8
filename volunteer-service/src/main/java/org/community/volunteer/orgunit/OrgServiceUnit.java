package org.community.volunteer.orgunit;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An org unit as org-service answers it; only the fields this service keeps. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrgServiceUnit(UUID id, String code, String name, String level, String status, UUID parentId) {
}
