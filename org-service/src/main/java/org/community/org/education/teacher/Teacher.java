package org.community.org.education.teacher;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/**
 * A teacher of a unit's pool (师资库). The pool unit, the kind and the member are fixed at creation; {@code version} is
 * the ETag. The pool unit's name and path (for views and scope checks) are read with the teacher from org_unit: two
 * columns, not a unit entity loaded with each.
 */
@Entity
@Table(name = "edu_teacher")
public class Teacher {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TeacherKind kind;

    @Column(name = "member_id", updatable = false)
    private UUID memberId;

    @Column(nullable = false)
    private String name;

    private String affiliation;

    private String title;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> specialties;

    private String phone;

    @Column(nullable = false)
    private boolean active;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Formula("(select u.name from org_unit u where u.id = unit_id)")
    private String unitName;

    @Formula("(select u.path from org_unit u where u.id = unit_id)")
    private String unitPath;

    protected Teacher() {
    }

    /** A new teacher of a pool; the id is given on persist, the first version is 1. */
    Teacher(UUID unitId, String unitName, String unitPath, TeacherKind kind, UUID memberId, Details details, Instant now) {
        this.unitId = unitId;
        this.unitName = unitName;
        this.unitPath = unitPath;
        this.kind = kind;
        this.memberId = memberId;
        change(details, now);
        this.version = 1;
        this.createdAt = now;
    }

    /** What an admin edits: the name (an internal teacher's is the member's), affiliation, title, specialties, phone, active. */
    record Details(String name, String affiliation, String title, List<String> specialties, String phone, boolean active) {
    }

    void change(Details details, Instant now) {
        this.name = details.name();
        this.affiliation = details.affiliation();
        this.title = details.title();
        this.specialties = List.copyOf(details.specialties());
        this.phone = details.phone();
        this.active = details.active();
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID unitId() {
        return unitId;
    }

    public String unitName() {
        return unitName;
    }

    public String unitPath() {
        return unitPath;
    }

    public TeacherKind kind() {
        return kind;
    }

    public UUID memberId() {
        return memberId;
    }

    public String name() {
        return name;
    }

    public String affiliation() {
        return affiliation;
    }

    public String title() {
        return title;
    }

    public List<String> specialties() {
        return specialties;
    }

    public String phone() {
        return phone;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
