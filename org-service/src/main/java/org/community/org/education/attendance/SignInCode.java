package org.community.org.education.attendance;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

/** A short-lived code shown by staff at a venue (none: online) of a session, typed by the members attending. Written once. */
@Entity
@Table(name = "edu_sign_in_code")
public class SignInCode {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    @Column(name = "venue_id", updatable = false)
    private UUID venueId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "issued_by", nullable = false, updatable = false)
    private String issuedBy;

    protected SignInCode() {
    }

    SignInCode(UUID sessionId, UUID venueId, String code, Instant issuedAt, Instant expiresAt, String issuedBy) {
        this.sessionId = sessionId;
        this.venueId = venueId;
        this.code = code;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.issuedBy = issuedBy;
    }

    /** Where the code was shown: the attendance is recorded at this venue (null: online). */
    public UUID venueId() {
        return venueId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
