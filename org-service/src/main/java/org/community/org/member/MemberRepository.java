package org.community.org.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

/** SQL for members and their steps. Subtree reads are ranges on the unit path copied onto each member. */
@ApplicationScoped
public class MemberRepository {

    private static final String SELECT = "select " + Member.COLUMNS + " from member ";

    /** Above every character a name can hold: prefix + this is the exclusive upper bound of a prefix range (C collation). */
    private static final String MAX_CHAR = new String(Character.toChars(Character.MAX_CODE_POINT));

    @Inject
    Db db;

    public Optional<Member> find(UUID id) {
        return db.one(SELECT + "where id = ?", Member::map, id);
    }

    public Optional<Member> lockForUpdate(UUID id) {
        return db.one(SELECT + "where id = ? for update", Member::map, id);
    }

    /** Inserts unless the ID number is registered; false when it is. */
    public boolean insert(Member m) {
        return db.update("insert into member (" + Member.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (id_number) where id_number is not null do nothing",
                m.id(), m.unitId(), m.path(), m.name(), m.gender(), m.birthDate(), m.ethnicity(), m.education(), m.phone(), m.idNumber(),
                m.householdId(), m.status(), m.statusOn(), m.admittedOn(), m.probationEndsOn(), m.mobile(), m.version(), m.createdAt(),
                m.updatedAt()) == 1;
    }

    /** Writes every field; false when the new ID number belongs to another member. */
    public boolean update(Member m) {
        if (m.idNumber() != null && db.count("select count(*) from member where id_number = ? and id <> ?", m.idNumber(), m.id()) > 0) {
            return false;
        }
        db.update("update member set unit_id = ?, path = ?, name = ?, gender = ?, birth_date = ?, ethnicity = ?, education = ?, phone = ?,"
                + " id_number = ?, household_id = ?, status = ?, status_on = ?, admitted_on = ?, probation_ends_on = ?, is_mobile = ?,"
                + " version = ?, updated_at = ? where id = ?",
                m.unitId(), m.path(), m.name(), m.gender(), m.birthDate(), m.ethnicity(), m.education(), m.phone(), m.idNumber(),
                m.householdId(), m.status(), m.statusOn(), m.admittedOn(), m.probationEndsOn(), m.mobile(), m.version(), m.updatedAt(),
                m.id());
        return true;
    }

    public void addStep(UUID memberId, MemberStatus status, LocalDate on, String note) {
        db.update("insert into member_step (id, member_id, status, on_date, note, recorded_at) values (?, ?, ?, ?, ?, ?)", Ids.newId(),
                memberId, status, on, note, Instant.now());
    }

    public List<MemberStep> steps(UUID memberId) {
        return db.list("select id, status, on_date, note, recorded_at from member_step where member_id = ? order by recorded_at, id",
                row -> new MemberStep(Db.uuid(row, "id"), Db.enumValue(row, "status", MemberStatus.class), Db.date(row, "on_date"),
                        row.getString("note"), Times.local(Db.instant(row, "recorded_at"))), memberId);
    }

    /** The path of a household (its building's), if it exists. */
    public Optional<String> householdPath(UUID householdId) {
        return db.one("select path from household where id = ?", row -> row.getString(1), householdId);
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

    public List<Member> search(Filter filter, PageRequest page) {
        Query query = query(filter);
        query.args.add(page.size);
        query.args.add(page.offset());
        return db.list(SELECT + query.where + " order by path, name, id limit ? offset ?", Member::map, query.args.toArray());
    }

    public long count(Filter filter) {
        Query query = query(filter);
        return db.count("select count(*) from member " + query.where, query.args.toArray());
    }

    private static Query query(Filter filter) {
        Query query = new Query();
        if (filter.subtreePath() != null) {
            query.and("path >= ? and path < ?", filter.subtreePath(), Paths.upperBound(filter.subtreePath()));
        }
        if (filter.scope() != null) {
            query.and(filter.scope().sql(), filter.scope().args().toArray());
        }
        if (filter.namePrefix() != null) {
            // a btree range on the second index column (path, name): checked inside the index scan
            query.and("name >= ? and name < ?", filter.namePrefix(), filter.namePrefix() + MAX_CHAR);
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            query.and("status = any(?)", (Object) filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        } else {
            query.and("status not in ('TRANSFERRED_OUT', 'DECEASED', 'REMOVED')");
        }
        LocalDate today = Times.today();
        if (filter.ageFrom() != null) {
            query.and("birth_date <= ?", today.minusYears(filter.ageFrom()));
        }
        if (filter.ageTo() != null) {
            query.and("birth_date > ?", today.minusYears(filter.ageTo() + 1L));
        }
        if (filter.mobile() != null) {
            query.and("is_mobile = ?", filter.mobile());
        }
        if (filter.role() != null) {
            query.and("exists (select 1 from post p where p.member_id = member.id and p.role = ? and p.ended_on is null)", filter.role());
        }
        return query;
    }

    private static final class Query {
        final StringBuilder where = new StringBuilder("where true");
        final List<Object> args = new ArrayList<>();

        Query and(String condition, Object... values) {
            where.append(" and ").append(condition);
            args.addAll(List.of(values));
            return this;
        }
    }
}
