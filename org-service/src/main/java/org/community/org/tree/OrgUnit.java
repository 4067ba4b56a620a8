package org.community.org.tree;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
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
 * A node of the party-organization chain. {@code key} and {@code path} never leave the service; {@code path} and
 * {@code depth} are written only by the subtree rewrite of a move ({@link OrgUnitRepository#rewriteSubtreePaths}), so
 * the entity never writes them back. {@code version} is the ETag. Accessors keep the names the views and services read.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false, updatable = false)
    private long key;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Level level;

    @Enumerated(EnumType.STRING)
    private OrgForm form;

    @Column(name = "established_on")
    private LocalDate establishedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitStatus status;

    private String address;

    /**
     * The leader snapshot follows the posts ({@link #showLeader}): an appointment is not an edit of the unit, so it leaves
     * the version, the unit's ETag, as it is.
     */
    @OptimisticLock(excluded = true)
    @Column(name = "leader_name")
    private String leaderName;

    @OptimisticLock(excluded = true)
    @Column(name = "has_leader", nullable = false)
    private boolean hasLeader;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(nullable = false, updatable = false)
    private String path;

    @Column(nullable = false, updatable = false)
    private int depth;

    @Column(name = "dissolved_on")
    private LocalDate dissolvedOn;

    @Column(name = "dissolve_reason")
    private String dissolveReason;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OptimisticLock(excluded = true)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OrgUnit() {
    }

    /** A new active unit under {@code parent} (null: a top unit); the id is given on persist, the first version is 1. */
    OrgUnit(long key, OrgUnit parent, Level level, Details details, Instant now) {
        this.key = key;
        this.level = level;
        edit(details, now);
        this.status = UnitStatus.ACTIVE;
        this.parentId = parent == null ? null : parent.id;
        this.path = Paths.child(parent == null ? null : parent.path, key);
        this.depth = parent == null ? 1 : parent.depth + 1;
        this.version = 1;
        this.createdAt = now;
    }

    /** What a clerk edits; {@code leaderName} is the display text shown while no leading post is recorded. */
    record Details(String code, String name, OrgForm form, LocalDate establishedOn, String address, String leaderName, boolean hasLeader) {
    }

    /** A unit as the tree's reads and other packages' fast paths read it with deliberate SQL: a detached snapshot. */
    static final String COLUMNS = "id, key, code, name, level, form, established_on, status, address, leader_name, has_leader, parent_id,"
            + " path, depth, dissolved_on, dissolve_reason, version, created_at, updated_at";

    static OrgUnit map(ResultSet row) throws SQLException {
        OrgUnit u = new OrgUnit();
        u.id = Db.uuid(row, "id");
        u.key = row.getLong("key");
        u.code = row.getString("code");
        u.name = row.getString("name");
        u.level = Db.enumValue(row, "level", Level.class);
        u.form = Db.enumValue(row, "form", OrgForm.class);
        u.establishedOn = Db.date(row, "established_on");
        u.status = Db.enumValue(row, "status", UnitStatus.class);
        u.address = row.getString("address");
        u.leaderName = row.getString("leader_name");
        u.hasLeader = row.getBoolean("has_leader");
        u.parentId = Db.uuid(row, "parent_id");
        u.path = row.getString("path");
        u.depth = row.getInt("depth");
        u.dissolvedOn = Db.date(row, "dissolved_on");
        u.dissolveReason = row.getString("dissolve_reason");
        u.version = row.getLong("version");
        u.createdAt = Db.instant(row, "created_at");
        u.updatedAt = Db.instant(row, "updated_at");
        return u;
    }

    /**
     * Applies a clerk's edit; false when it leaves everything the version counts as it was (it changed only the leader
     * snapshot, or nothing), so that the caller makes it a new version all the same.
     */
    boolean edit(Details details, Instant now) {
        boolean counted = !Objects.equals(code, details.code()) || !Objects.equals(name, details.name()) || form != details.form()
                || !Objects.equals(establishedOn, details.establishedOn()) || !Objects.equals(address, details.address());
        this.code = details.code();
        this.name = details.name();
        this.form = details.form();
        this.establishedOn = details.establishedOn();
        this.address = details.address();
        this.leaderName = details.leaderName();
        this.hasLeader = details.hasLeader();
        this.updatedAt = now;
        return counted;
    }

    Details details() {
        return new Details(code, name, form, establishedOn, address, leaderName, hasLeader);
    }

    void dissolve(LocalDate on, String reason, Instant now) {
        this.status = UnitStatus.DISSOLVED;
        this.dissolvedOn = on;
        this.dissolveReason = reason;
        this.updatedAt = now;
    }

    void moveUnder(OrgUnit newParent, Instant now) {
        this.parentId = newParent.id;
        this.updatedAt = now;
    }

    /** Shows the leader the posts name: whether a leading post is held, and the holder's name (a display text without one). */
    public void showLeader(boolean led, String holderName, Instant now) {
        this.hasLeader = led;
        this.leaderName = holderName;
        this.updatedAt = now;
    }

    public boolean isActive() {
        return status == UnitStatus.ACTIVE;
    }

    public boolean hasOrganization() {
        return form != null;
    }

    public UUID id() {
        return id;
    }

    public long key() {
        return key;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Level level() {
        return level;
    }

    public OrgForm form() {
        return form;
    }

    public LocalDate establishedOn() {
        return establishedOn;
    }

    public UnitStatus status() {
        return status;
    }

    public String address() {
        return address;
    }

    public String leaderName() {
        return leaderName;
    }

    public boolean hasLeader() {
        return hasLeader;
    }

    public UUID parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public int depth() {
        return depth;
    }

    public LocalDate dissolvedOn() {
        return dissolvedOn;
    }

    public String dissolveReason() {
        return dissolveReason;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
