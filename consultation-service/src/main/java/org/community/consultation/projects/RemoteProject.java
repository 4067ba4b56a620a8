package org.community.consultation.projects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of a volunteer-service project this service reads; status is PLANNED, IN_PROGRESS, DONE or CANCELLED. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteProject(String id, String name, String status) {
}
