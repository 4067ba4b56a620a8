package org.community.org.dues;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.OptimisticLock;
import org.hibernate.annotations.UuidGenerator;

/**
 * A dues base as stored: one per member and year while current; a correction supersedes it (a new row, whose version
 * continues the replaced one's, so the ETag of the year keeps counting up) and keeps it as history.
 */
@Entity
@Table(name = "dues_base")
public class Base {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(nullable = false, updatable = false)
    private int year;

    @Convert(converter = MonthColumn.class)
    @Column(name = "valid_from", nullable = false, updatable = false)
    private YearMonth validFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DuesCategory category;

    @Column(name = "income_fen", updatable = false)
    private Long incomeFen;

    @Column(name = "quarter_fen", updatable = false)
    private long[] quarterFen;

    @Column(name = "rate_bp", updatable = false)
    private Integer rateBp;

    @Column(name = "monthly_fen", nullable = false, updatable = false)
    private long monthlyFen;

    @Column(updatable = false)
    private String note;

    @Column(name = "set_by", nullable = false, updatable = false)
    private String setBy;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Superseding is not an edit of the base: its version, shown in the history, stays as it was. */
    @OptimisticLock(excluded = true)
    @Column(name = "superseded_at")
    private Instant supersededAt;

    @OptimisticLock(excluded = true)
    @Column(name = "superseded_by")
    private UUID supersededBy;

    protected Base() {
    }

    /** A new current base; the id is given on persist. */
    Base(UUID memberId, int year, YearMonth validFrom, DuesCategory category, BaseService.Computed computed, String note, String setBy,
            long version, Instant now) {
        this.memberId = memberId;
        this.year = year;
        this.validFrom = validFrom;
        this.category = category;
        this.incomeFen = computed.incomeFen();
        this.quarterFen = computed.quarterFen();
        this.rateBp = computed.rateBp();
        this.monthlyFen = computed.monthlyFen();
        this.note = note;
        this.setBy = setBy;
        this.version = version;
        this.createdAt = now;
    }

    /** Takes the base out of the current ones (written before its successor: one current base per member and year). */
    void supersede(Instant at) {
        this.supersededAt = at;
    }

    void supersededBy(Base successor) {
        this.supersededBy = successor.id;
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public int year() {
        return year;
    }

    public YearMonth validFrom() {
        return validFrom;
    }

    public DuesCategory category() {
        return category;
    }

    public Long incomeFen() {
        return incomeFen;
    }

    public long[] quarterFen() {
        return quarterFen;
    }

    public Integer rateBp() {
        return rateBp;
    }

    public long monthlyFen() {
        return monthlyFen;
    }

    public String note() {
        return note;
    }

    public String setBy() {
        return setBy;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant supersededAt() {
        return supersededAt;
    }
}
