package org.community.volunteer.certificate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A certificate as issued (table {@code certificate}), with its PDF kept byte for byte; never changed once written, so it
 * has no version. {@link Certificate} is what callers see of it.
 */
@Entity
@Table(name = "certificate")
public class IssuedCertificate extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public String serial;
    public UUID volunteerId;
    public UUID teamId;
    /** The org unit in whose name it was issued: the team's. */
    public String issuer;
    public long totalMinutes;
    public int recordCount;
    public Instant issuedAt;
    public byte[] pdf;
}
