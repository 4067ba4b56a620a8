package org.community.volunteer.team;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A volunteer's membership of a team (table {@code team_member}), with the role held there. */
@Entity
@Table(name = "team_member")
public class TeamMember extends PanacheEntityBase {

    @Embeddable
    public record Key(UUID teamId, UUID volunteerId) {
    }

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    public MemberRole role;

    public Instant joinedAt;

    public static TeamMember of(UUID teamId, UUID volunteerId, MemberRole role) {
        TeamMember member = new TeamMember();
        member.id = new Key(teamId, volunteerId);
        member.role = role;
        member.joinedAt = Instant.now();
        return member;
    }
}
