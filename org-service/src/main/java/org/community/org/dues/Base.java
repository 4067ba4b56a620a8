package org.community.org.dues;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
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

import org.community.conventions.db.Db;
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

    /**
     * Bases as read by the deliberate SQL of the fast paths (a payment batch and the reports read the current bases of
     * hundreds of members at once, never changing them): detached snapshots.
     */
    static final String COLUMNS = "id, member_id, year, valid_from, category, income_fen, quarter_fen, rate_bp, monthly_fen, note, set_by,"
            + " version, created_at, superseded_at";

    static Base map(ResultSet row) throws SQLException {
        Base b = new Base();
        b.id = Db.uuid(row, "id");
        b.memberId = Db.uuid(row, "member_id");
        b.year = row.getInt("year");
        b.validFrom = DuesCalendar.month(Db.date(row, "valid_from"));
        b.category = Db.enumValue(row, "category", DuesCategory.class);
        long income = row.getLong("income_fen");
        b.incomeFen = row.wasNull() ? null : income;
        Array quarter = row.getArray("quarter_fen");
        if (quarter != null) {
            Long[] values = (Long[]) quarter.getArray();
            b.quarterFen = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                b.quarterFen[i] = values[i];
            }
        }
        int rate = row.getInt("rate_bp");
        b.rateBp = row.wasNull() ? null : rate;
        b.monthlyFen = row.getLong("monthly_fen");
        b.note = row.getString("note");
        b.setBy = row.getString("set_by");
        b.version = row.getLong("version");
        b.createdAt = Db.instant(row, "created_at");
        b.supersededAt = Db.instant(row, "superseded_at");
        return b;
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
