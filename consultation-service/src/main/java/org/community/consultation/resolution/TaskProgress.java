package org.community.consultation.resolution;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.community.conventions.http.Times;

/** One progress report on a task (table {@code task_progress}, its history). */
@Entity
@Table(name = "task_progress")
public class TaskProgress extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID taskId;
    public int progress;
    public String note;
    public String actor;

    @Column(name = "at")
    public Instant at;

    ResolutionView.ProgressView view() {
        return new ResolutionView.ProgressView(progress, note, actor, Times.local(at));
    }
}
