package org.community.org.life;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A meeting type with the credit hours (学时) a meeting of it gives by default: reference data the migrations insert. */
@Entity
@Immutable
@Table(name = "meeting_type")
public class MeetingKind {

    @Id
    private String type;

    @Column(name = "credit_hours", nullable = false)
    private BigDecimal creditHours;

    protected MeetingKind() {
    }

    public MeetingType type() {
        return MeetingType.valueOf(type);
    }

    public BigDecimal creditHours() {
        return creditHours;
    }
}
