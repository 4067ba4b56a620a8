package org.community.org.education.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.UuidGenerator;

/** A course of a program's plan; {@code version} is the ETag. A trainee earns its credits once. */
@Entity
@Table(name = "edu_course")
public class Course {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "program_id", nullable = false, updatable = false)
    private UUID programId;

    @Column(nullable = false)
    private String title;

    private String theme;

    @Column(name = "teacher_id", nullable = false)
    private UUID teacherId;

    @Column(nullable = false, precision = 4, scale = 1)
    private BigDecimal hours;

    @Column(nullable = false, precision = 4, scale = 1)
    private BigDecimal credits;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CourseFormat format;

    private String description;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Course() {
    }

    /** A new course of a program; the id is given on persist, the first version is 1. */
    Course(UUID programId, CourseInput in, Instant now) {
        this.programId = programId;
        this.version = 1;
        this.createdAt = now;
        change(in, now);
    }

    void change(CourseInput in, Instant now) {
        this.title = in.title().trim();
        this.theme = in.theme();
        this.teacherId = in.teacherId();
        this.hours = in.hours();
        this.credits = in.credits();
        this.format = in.format();
        this.description = in.description();
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public String title() {
        return title;
    }

    public BigDecimal credits() {
        return credits;
    }

    public CourseFormat format() {
        return format;
    }

    public long version() {
        return version;
    }
}
