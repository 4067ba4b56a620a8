package org.community.consultation.resolution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.community.conventions.http.Times;

/** A task carrying out a resolution (table {@code resolution_task}); its progress entries are {@link TaskProgress} rows. */
@Entity
@Table(name = "resolution_task")
public class ResolutionTask extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String DONE = "DONE";

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID resolutionId;
    public String title;
    public String owner;
    public LocalDate dueOn;
    /** Percent done. */
    public int progress;
    public String status;

    /** The ETag; new tasks start at 1. */
    @Version
    public long version = 1;

    public Instant createdAt;
    public Instant updatedAt;

    ResolutionView.TaskView view(List<ResolutionView.ProgressView> history) {
        return new ResolutionView.TaskView(id, resolutionId, title, owner, dueOn, progress, status,
                !DONE.equals(status) && dueOn.isBefore(Times.today()), version, Times.local(createdAt), Times.local(updatedAt), history);
    }
}
