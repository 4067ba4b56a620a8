package org.community.volunteer.team;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A volunteer team (志愿服务队, table {@code team}) of an org unit, led by a leader with deputies; its members are
 * {@link TeamMember}s and {@link TeamView} is what callers see of it.
 */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public String name;
    public UUID orgUnitId;
    public String orgUnitName;
    public String orgPath;
    /** The community the unit lies in (null above community level). */
    public String communityPath;
    public String category;
    public String description;
    public UUID leaderId;

    @Enumerated(EnumType.STRING)
    public TeamStatus status;

    /** The ETag; new rows start at 1, as they always have. */
    @Version
    public long version = 1;

    public Instant createdAt;
    public Instant updatedAt;
}
