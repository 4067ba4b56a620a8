package org.community.org.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Locks;
import org.community.org.persistence.Where;
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

/** Members and their steps as entities. Subtree reads are ranges on the unit path copied onto each member. */
@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    /** Above every character a name can hold: prefix + this is the exclusive upper bound of a prefix range (C collation). */
    private static final String MAX_CHAR = new String(Character.toChars(Character.MAX_CODE_POINT));

    /** Members who left: not listed unless asked for by status. */
    static final String NOT_LEFT = "status not in (org.community.org.member.MemberStatus.TRANSFERRED_OUT,"
            + " org.community.org.member.MemberStatus.DECEASED, org.community.org.member.MemberStatus.REMOVED)";

    public Optional<Member> find(UUID id) {
        return findByIdOptional(id);
    }

    public Optional<Member> lockForUpdate(UUID id) {
        return Locks.forUpdate(getEntityManager(), Member.class, id);
    }

    /** Registers a member unless the ID number is registered; false when it is. */
    public boolean insert(Member m) {
        if (idNumberTaken(m.idNumber(), null)) {
            return false;
        }
        persist(m);
        return Constraints.flushed(this::flush, "member_id_number");
    }

    /**
     * Writes a changed member now; false when its new ID number was registered meanwhile. Check {@link #idNumberTaken}
     * before changing it: a query on a changed entity flushes it first.
     */
    public boolean update(Member m) {
        return Constraints.flushed(this::flush, "member_id_number");
    }

    /** Whether another member than {@code except} (null: any) has this ID number; never for no number. */
    public boolean idNumberTaken(String idNumber, UUID except) {
        if (idNumber == null) {
            return false;
        }
        return except == null ? count("idNumber", idNumber) > 0 : count("idNumber = ?1 and id <> ?2", idNumber, except) > 0;
    }

    public void addStep(UUID memberId, MemberStatus status, LocalDate on, String note) {
        getEntityManager().persist(new StatusStep(memberId, status, on, note, Instant.now()));
    }

    public List<MemberStep> steps(UUID memberId) {
        return getEntityManager()
                .createQuery("from StatusStep where memberId = ?1 order by recordedAt, id", StatusStep.class)
                .setParameter(1, memberId).getResultStream().map(StatusStep::view).toList();
    }

    /** The path of a household (its building's), if it exists. */
    public Optional<String> householdPath(UUID householdId) {
        return getEntityManager().createQuery("select path from Household where id = ?1", String.class)
                .setParameter(1, householdId).getResultStream().findFirst();
    }

    /** The filters of the member search; null does not filter. Without statuses, members who left are not listed. */
    /** {@code scope}: the caller's scope on {@code path} when no subtree is asked for (null: no limit). */
    public record Filter(String subtreePath, String namePrefix, Set<MemberStatus> statuses, String role, Integer ageFrom, Integer ageTo,
            Boolean mobile, Scope.Condition scope) {

        /** Only the subtree and statuses: the roll-up counters know the total. */
        public boolean countableFromRollups() {
            return subtreePath != null && scope == null && namePrefix == null && role == null && ageFrom == null && ageTo == null && mobile == null;
        }
    }

    /** A page in index order of {@code member (path, name)}. */
    public List<Member> search(Filter filter, PageRequest page) {
        Where where = where(filter);
        return find(where.hql() + " order by path, name, id", where.args()).page(page.page, page.size).list();
    }

    public long count(Filter filter) {
        Where where = where(filter);
        return count(where.hql(), where.args());
    }

    /** The search condition; {@code ScopedQueryPlanTest} checks that the SQL Hibernate makes of it stays on the path index. */
    public static Where where(Filter filter) {
        Where where = new Where();
        if (filter.subtreePath() != null) {
            where.and("path >= ? and path < ?", filter.subtreePath(), Paths.upperBound(filter.subtreePath()));
        }
        if (filter.scope() != null) {
            where.and(filter.scope());
        }
        if (filter.namePrefix() != null) {
            // a btree range on the second index column (path, name): checked inside the index scan
            where.and("name >= ? and name < ?", filter.namePrefix(), filter.namePrefix() + MAX_CHAR);
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.and("status in ?", List.copyOf(filter.statuses()));
        } else {
            where.and(NOT_LEFT);
        }
        LocalDate today = Times.today();
        if (filter.ageFrom() != null) {
            where.and("birthDate <= ?", today.minusYears(filter.ageFrom()));
        }
        if (filter.ageTo() != null) {
            where.and("birthDate > ?", today.minusYears(filter.ageTo() + 1L));
        }
        if (filter.mobile() != null) {
            where.and("mobile = ?", filter.mobile());
        }
        if (filter.role() != null) {
            where.and("id in (select p.memberId from Post p where p.role = ? and p.endedOn is null)", PostRole.valueOf(filter.role()));
        }
        return where;
    }
}
