package org.community.org.dues;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.community.conventions.http.Times;
import org.hibernate.annotations.UuidGenerator;

/** A reason for not paying recorded by the branch (病重, 长期外出联系不上 …): the months it covers do not count toward the flag. */
@Entity
@Table(name = "dues_excuse")
public class Excuse {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Convert(converter = MonthColumn.class)
    @Column(name = "from_month", nullable = false, updatable = false)
    private YearMonth fromMonth;

    @Convert(converter = MonthColumn.class)
    @Column(name = "until_month", updatable = false)
    private YearMonth untilMonth;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Excuse() {
    }

    /** A new excuse; the id is given on persist. */
    Excuse(UUID memberId, YearMonth fromMonth, YearMonth untilMonth, String reason, String recordedBy, Instant now) {
        this.memberId = memberId;
        this.fromMonth = fromMonth;
        this.untilMonth = untilMonth;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.createdAt = now;
    }

    DuesViews.Excuse view() {
        return new DuesViews.Excuse(id, fromMonth, untilMonth, reason, recordedBy, Times.local(createdAt));
    }
}
