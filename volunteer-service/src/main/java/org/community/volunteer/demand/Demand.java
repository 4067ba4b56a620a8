package org.community.volunteer.demand;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A residents' demand (table {@code demand}); {@link DemandView} is what callers see of it. */
@Entity
@Table(name = "demand")
public class Demand extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public String title;
    public String description;
    public String category;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    public String place;

    @Column(name = "required_skills")
    public String[] requiredSkills = new String[0];

    public String requesterName;
    public String requesterPhone;
    public UUID orgUnitId;
    public String orgUnitName;
    public String orgPath;
    /** The community the unit lies in (null above community level): matching stays inside it. */
    public String communityPath;

    @Enumerated(EnumType.STRING)
    public DemandStatus status;

    public UUID closedByProject;

    @Version
    public long version = 1;

    public Instant createdAt;
    public Instant updatedAt;
    /** The account that submitted it, who reads it besides the readers of its scope. */
    public String submittedBy;

    /** Where matching looks: the demand's community, or its own unit above community level. */
    public String matchingScope() {
        return communityPath != null ? communityPath : orgPath;
    }
}
