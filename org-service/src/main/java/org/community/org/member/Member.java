package org.community.org.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.community.conventions.db.Db;
import org.community.org.stats.Counts;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.annotations.UuidGenerator;

/**
 * A party member or someone on the way to membership. {@code path} is the unit's path, copied for subtree ranges
 * (rewritten with it when the unit moves); {@code version} is the ETag. Accessors keep the names the views read.
 */
@Entity
@Table(name = "member")
public class Member {

    public enum Gender {
        MALE, FEMALE
    }

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "unit_id", nullable = false)
    private UUID unitId;

    @Column(nullable = false)
    private String path;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Gender gender;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    private String ethnicity;

    private String education;

    private String phone;

    @Column(name = "id_number")
    private String idNumber;

    @Column(name = "household_id")
    private UUID householdId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberStatus status;

    @Column(name = "status_on", nullable = false)
    private LocalDate statusOn;

    @Column(name = "admitted_on")
    private LocalDate admittedOn;

    @Column(name = "probation_ends_on")
    private LocalDate probationEndsOn;

    @Column(name = "is_mobile")
    private boolean mobile;

    /**
     * The account (token {@code sub}) the member signs in with. Linking it is not an edit of the member's record: it
     * leaves the version, so the member's ETag, as it is.
     */
    @OptimisticLock(excluded = true)
    private String account;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Member() {
    }

    /** A new member in a unit; the id is given on persist, the first version is 1. */
    Member(UUID unitId, String path, Personal personal, MemberStatus status, LocalDate statusOn, LocalDate admittedOn,
            LocalDate probationEndsOn, Instant now) {
        this.unitId = unitId;
        this.path = path;
        change(personal, now);
        this.status = status;
        this.statusOn = statusOn;
        this.admittedOn = admittedOn;
        this.probationEndsOn = probationEndsOn;
        this.version = 1;
        this.createdAt = now;
    }

    /** The personal data a clerk edits. */
    record Personal(String name, Gender gender, LocalDate birthDate, String ethnicity, String education, String phone, String idNumber,
            UUID householdId) {
    }

    void change(Personal personal, Instant now) {
        this.name = personal.name();
        this.gender = personal.gender();
        this.birthDate = personal.birthDate();
        this.ethnicity = personal.ethnicity();
        this.education = personal.education();
        this.phone = personal.phone();
        this.idNumber = personal.idNumber();
        this.householdId = personal.householdId();
        this.updatedAt = now;
    }

    void moveTo(UUID unit, String unitPath, Instant now) {
        this.unitId = unit;
        this.path = unitPath;
        this.updatedAt = now;
    }

    void changeStatus(MemberStatus next, LocalDate on, LocalDate admitted, LocalDate probationEnds, Instant now) {
        this.status = next;
        this.statusOn = on;
        this.admittedOn = admitted;
        this.probationEndsOn = probationEnds;
        this.updatedAt = now;
    }

    void setMobile(boolean away, Instant now) {
        this.mobile = away;
        this.updatedAt = now;
    }

    /** Links the account (null: unlinks it); the member is locked by the caller. */
    public void linkAccount(String newAccount) {
        this.account = newAccount;
    }

    public String account() {
        return account;
    }

    public Counts contribution() {
        return Counts.ofMember(status, mobile);
    }

    /**
     * A member as read by the deliberate SQL of other packages' fast paths (a dues batch reads its members with
     * {@code for share}; the participants of a unit's org life come with a flag per row): a detached snapshot.
     */
    public static final String COLUMNS = "id, unit_id, path, name, gender, birth_date, ethnicity, education, phone, id_number,"
            + " household_id, status, status_on, admitted_on, probation_ends_on, is_mobile, version, created_at, updated_at";

    public static Member map(ResultSet row) throws SQLException {
        Member m = new Member();
        m.id = Db.uuid(row, "id");
        m.unitId = Db.uuid(row, "unit_id");
        m.path = row.getString("path");
        m.name = row.getString("name");
        m.gender = Db.enumValue(row, "gender", Gender.class);
        m.birthDate = Db.date(row, "birth_date");
        m.ethnicity = row.getString("ethnicity");
        m.education = row.getString("education");
        m.phone = row.getString("phone");
        m.idNumber = row.getString("id_number");
        m.householdId = Db.uuid(row, "household_id");
        m.status = Db.enumValue(row, "status", MemberStatus.class);
        m.statusOn = Db.date(row, "status_on");
        m.admittedOn = Db.date(row, "admitted_on");
        m.probationEndsOn = Db.date(row, "probation_ends_on");
        m.mobile = row.getBoolean("is_mobile");
        m.version = row.getLong("version");
        m.createdAt = Db.instant(row, "created_at");
        m.updatedAt = Db.instant(row, "updated_at");
        return m;
    }

    public UUID id() {
        return id;
    }

    public UUID unitId() {
        return unitId;
    }

    public String path() {
        return path;
    }

    public String name() {
        return name;
    }

    public Gender gender() {
        return gender;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public String ethnicity() {
        return ethnicity;
    }

    public String education() {
        return education;
    }

    public String phone() {
        return phone;
    }

    public String idNumber() {
        return idNumber;
    }

    public UUID householdId() {
        return householdId;
    }

    public MemberStatus status() {
        return status;
    }

    public LocalDate statusOn() {
        return statusOn;
    }

    public LocalDate admittedOn() {
        return admittedOn;
    }

    public LocalDate probationEndsOn() {
        return probationEndsOn;
    }

    public boolean mobile() {
        return mobile;
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
