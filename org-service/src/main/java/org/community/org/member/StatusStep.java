package org.community.org.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.community.conventions.http.Times;
import org.hibernate.annotations.UuidGenerator;

/** One dated step of a member's history ({@code member_step}); never changed once written. */
@Entity
@Table(name = "member_step")
public class StatusStep {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MemberStatus status;

    @Column(name = "on_date", nullable = false, updatable = false)
    private LocalDate on;

    @Column(updatable = false)
    private String note;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected StatusStep() {
    }

    StatusStep(UUID memberId, MemberStatus status, LocalDate on, String note, Instant recordedAt) {
        this.memberId = memberId;
        this.status = status;
        this.on = on;
        this.note = note;
        this.recordedAt = recordedAt;
    }

    MemberStep view() {
        return new MemberStep(id, status, on, note, Times.local(recordedAt));
    }
}
