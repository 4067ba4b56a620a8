package org.community.consultation.orgunits;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of org-service's OrgUnit this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteUnit(UUID id, String code, String name, String level, String status, UUID parentId) {
}
