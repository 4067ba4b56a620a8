package org.community.volunteer.partner;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A resource a partner offers (table {@code resource}): AVAILABLE until withdrawn. {@link ResourceView} is what callers see. */
@Entity
@Table(name = "resource")
public class OfferedResource extends PanacheEntityBase {

    public static final String AVAILABLE = "AVAILABLE";
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_id")
    public Partner partner;

    /** The partner's, copied so that scope filters need no join. */
    public String orgPath;
    public String communityPath;
    public String title;
    public String category;
    public String description;
    public String quantity;
    public String status;

    @Version
    public long version = 1;

    public Instant createdAt;
}
