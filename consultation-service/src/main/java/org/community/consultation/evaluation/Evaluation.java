package org.community.consultation.evaluation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One participant's rating of a topic's outcome (table {@code evaluation}). Unique per topic and participant, and per
 * topic and account: a second one is refused by the database, answered 409 naming {@code participant}.
 */
@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID topicId;
    public String participant;
    public int rating;
    public String comment;
    public Instant createdAt;
    /** The resident who rated it themself; null for ratings entered by staff. */
    public String account;
}
