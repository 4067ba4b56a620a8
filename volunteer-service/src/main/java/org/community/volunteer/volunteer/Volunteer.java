package org.community.volunteer.volunteer;

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

/**
 * A registered volunteer (志愿者, table {@code volunteer}) with the verified minutes that count toward the star level;
 * {@link VolunteerView} is what callers see of it.
 */
@Entity
@Table(name = "volunteer")
public class Volunteer extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public String name;
    public String phone;
    public String idNumber;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    public String[] skills = new String[0];
    public String availability;
    public UUID partyMemberId;

    @Enumerated(EnumType.STRING)
    public VerificationStatus verificationStatus;

    public String verificationNote;
    public UUID orgUnitId;
    public String orgUnitName;
    public String orgPath;

    /** Written only by the hours ledger's increment (hours/HoursLedger), never by an update of the profile. */
    @Column(updatable = false)
    public long verifiedMinutes;

    /** Recomputed with {@link #verifiedMinutes} in the ledger's statement. */
    @Column(updatable = false)
    public int starLevel;

    /** The ETag; new rows start at 1, as they always have. */
    @Version
    public long version = 1;

    public Instant createdAt;
    public Instant updatedAt;
    /** The account (token subject) the profile belongs to: one profile per account. */
    public String account;
}
