package org.community.consultation.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.consultation.projects.RemoteProject;
import org.community.consultation.projects.VolunteerProjects;
import org.community.consultation.topic.TopicView;

/** The status of volunteer projects started by resolutions, asked of volunteer-service; the last known one when it cannot answer. */
@ApplicationScoped
public class ResolutionProjects {

    @Inject
    ResolutionRepository resolutions;

    @Inject
    VolunteerProjects volunteer;

    public List<TopicView.ProjectStatus> statusesOfTopic(UUID topicId) {
        List<TopicView.ProjectStatus> statuses = new ArrayList<>();
        for (Resolution r : resolutions.withProjects(topicId)) {
            statuses.add(status(r));
        }
        return statuses;
    }

    public TopicView.ProjectStatus status(Resolution r) {
        try {
            RemoteProject project = volunteer.find(r.projectId()).orElse(null);
            if (project != null && project.status() != null) {
                return new TopicView.ProjectStatus(r.id(), r.projectId(), r.projectTitle(), project.status(), true);
            }
        } catch (RuntimeException e) {
            // volunteer-service down or slow: show what was last known
        }
        return new TopicView.ProjectStatus(r.id(), r.projectId(), r.projectTitle(), r.projectStatus(), false);
    }
}
