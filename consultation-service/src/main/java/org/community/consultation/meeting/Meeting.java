package org.community.consultation.meeting;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A consultation meeting (table {@code meeting}) with its agenda ({@code meeting_topic}) and invited parties
 * ({@code meeting_party}). Registrations, opinions and follow-ups are rows of their own.
 */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String HELD = "HELD";
    public static final String CANCELLED = "CANCELLED";

    /** Someone invited, by party. */
    @Embeddable
    public record Invitation(@Enumerated(EnumType.STRING) Party party, String name) {
    }

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public String title;

    @Enumerated(EnumType.STRING)
    public MeetingFormat format;

    public Instant startsAt;
    public Instant endsAt;
    public String place;
    public String convener;
    /** Where its topics meet: the longest common prefix of their org paths. */
    public String orgPath;
    public String status;
    public String minutes;
    public String minutesBy;
    public Instant heldAt;

    /** The ETag; new meetings start at 1. */
    @Version
    public long version = 1;

    public Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "meeting_topic", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "topic_id")
    @OrderBy
    public Set<UUID> topicIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "meeting_party", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderBy("party, name")
    public Set<Invitation> invited = new LinkedHashSet<>();

    MeetingService.Row row() {
        return new MeetingService.Row(id, title, format, startsAt, endsAt, place, convener, orgPath, status, minutes, minutesBy, heldAt,
                version, createdAt);
    }
}
