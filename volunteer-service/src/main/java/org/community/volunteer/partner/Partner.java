package org.community.volunteer.partner;

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

/** A partner organization (table {@code partner}); {@link PartnerView} is what callers see of it. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public PartnerKind kind;

    public UUID orgUnitId;
    public String orgUnitName;
    public String orgPath;
    public String communityPath;
    public String contactName;
    public String contactPhone;
    public String description;

    /** The ETag; new rows start at 1, as they always have. */
    @Version
    public long version = 1;

    public Instant createdAt;
}
