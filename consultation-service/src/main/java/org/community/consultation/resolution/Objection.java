package org.community.consultation.resolution;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.community.conventions.http.Times;

/** An owner's objection to a published resolution (table {@code objection}), answered once. */
@Entity
@Table(name = "objection")
public class Objection extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID resolutionId;
    public String ownerName;
    public String unitId;
    public String text;
    public Instant filedAt;
    public String answer;
    public String answeredBy;
    public Instant answeredAt;

    ResolutionView.ObjectionView view() {
        return new ResolutionView.ObjectionView(id, ownerName, unitId, text, Times.local(filedAt), answer, answeredBy, Times.local(answeredAt));
    }
}
