package org.community.volunteer.team;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.volunteer.db.Conditions;
import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.volunteer.Stars;

@ApplicationScoped
public class TeamRepository {

    private static final String SELECT = "select " + Team.COLUMNS + " from team ";

    public record Filter(OrgUnitRef within, String category, TeamStatus status, String q) {
    }

    @Inject
    Db db;

    public Optional<Team> find(UUID id) {
        return db.one(SELECT + "where id = ?", Team::map, id);
    }

    public Optional<Team> lock(UUID id) {
        return db.one(SELECT + "where id = ? for update", Team::map, id);
    }

    public void insert(Team t) {
        db.update("insert into team (" + Team.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.name(),
                t.orgUnitId(), t.orgUnitName(), t.orgPath(), t.communityPath(), t.category(), t.description(), t.leaderId(),
                t.status(), t.version(), t.createdAt(), t.updatedAt());
    }

    public void update(Team t) {
        db.update("update team set name = ?, org_unit_id = ?, org_unit_name = ?, org_path = ?, community_path = ?, category = ?,"
                + " description = ?, leader_id = ?, status = ?, version = ?, updated_at = ? where id = ?", t.name(), t.orgUnitId(),
                t.orgUnitName(), t.orgPath(), t.communityPath(), t.category(), t.description(), t.leaderId(), t.status(), t.version(),
                t.updatedAt(), t.id());
    }

    public List<Team> search(Filter filter, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list(SELECT + where + " order by created_at, id limit ? offset ?", Team::map, args.toArray());
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from team " + where(filter, args), args.toArray());
    }

    private static String where(Filter filter, List<Object> args) {
        return new Conditions(args).within("org_path", filter.within()).equal("category", filter.category())
                .equal("status", filter.status()).when("strpos(name, ?) > 0", filter.q()).sql();
    }

    // ---- members ----

    public Optional<MemberRole> role(UUID teamId, UUID volunteerId) {
        return db.one("select role from team_member where team_id = ? and volunteer_id = ?",
                row -> MemberRole.valueOf(row.getString(1)), teamId, volunteerId);
    }

    /** Adds the volunteer or changes the role of a member. */
    public void putMember(UUID teamId, UUID volunteerId, MemberRole role) {
        db.update("insert into team_member (team_id, volunteer_id, role, joined_at) values (?, ?, ?, ?)"
                + " on conflict (team_id, volunteer_id) do update set role = excluded.role", teamId, volunteerId, role, Instant.now());
    }

    public boolean removeMember(UUID teamId, UUID volunteerId) {
        return db.update("delete from team_member where team_id = ? and volunteer_id = ?", teamId, volunteerId) == 1;
    }

    /** Members who held a leading role and no longer do become plain members. */
    public void demoteOthers(UUID teamId, List<UUID> keep) {
        db.update("update team_member set role = 'MEMBER' where team_id = ? and role <> 'MEMBER' and not (volunteer_id = any (?))",
                teamId, keep.toArray(UUID[]::new));
    }

    public List<UUID> deputies(UUID teamId) {
        return db.list("select volunteer_id from team_member where team_id = ? and role = 'DEPUTY' order by joined_at, volunteer_id",
                row -> Db.uuid(row, "volunteer_id"), teamId);
    }

    public long memberCount(UUID teamId) {
        return db.count("select count(*) from team_member where team_id = ?", teamId);
    }

    /** Deputies and member count of a page of teams, in one statement (a list shows them for every team). */
    public Map<UUID, Membership> memberships(List<UUID> teamIds) {
        Map<UUID, Membership> byTeam = new HashMap<>();
        for (UUID id : teamIds) {
            byTeam.put(id, new Membership(new ArrayList<>(), 0));
        }
        if (teamIds.isEmpty()) {
            return byTeam;
        }
        String marks = String.join(", ", Collections.nCopies(teamIds.size(), "?"));
        db.list("select team_id, count(*) as members, array_agg(volunteer_id order by joined_at, volunteer_id)"
                + " filter (where role = 'DEPUTY') as deputies from team_member where team_id in (" + marks + ") group by team_id",
                row -> {
                    List<UUID> deputies = new ArrayList<>();
                    Array array = row.getArray("deputies");
                    if (array != null) {
                        for (Object id : (Object[]) array.getArray()) {
                            deputies.add((UUID) id);
                        }
                    }
                    byTeam.put(Db.uuid(row, "team_id"), new Membership(deputies, row.getLong("members")));
                    return null;
                }, teamIds.toArray());
        return byTeam;
    }

    public record Membership(List<UUID> deputyIds, long memberCount) {
    }

    private static final String MEMBER_SELECT = "select m.team_id, m.volunteer_id, v.name, v.phone, m.role, v.verified_minutes,"
            + " v.star_level, m.joined_at from team_member m join volunteer v on v.id = m.volunteer_id ";

    public Optional<MemberView> member(UUID teamId, UUID volunteerId) {
        return db.one(MEMBER_SELECT + "where m.team_id = ? and m.volunteer_id = ?", TeamRepository::member, teamId, volunteerId);
    }

    public List<MemberView> members(UUID teamId, PageRequest page) {
        return db.list(MEMBER_SELECT + "where m.team_id = ?"
                + " order by case m.role when 'LEADER' then 0 when 'DEPUTY' then 1 else 2 end, m.joined_at, m.volunteer_id"
                + " limit ? offset ?", TeamRepository::member, teamId, page.size, page.offset());
    }

    private static MemberView member(java.sql.ResultSet row) throws java.sql.SQLException {
        return new MemberView(Db.uuid(row, "team_id"), Db.uuid(row, "volunteer_id"), row.getString("name"),
                        row.getString("phone"), MemberRole.valueOf(row.getString("role")),
                        Stars.hours(row.getLong("verified_minutes")), row.getInt("star_level"), Times.local(Db.instant(row, "joined_at")));
    }

    public List<MembershipView> memberships(UUID volunteerId) {
        return db.list("select t.id, t.name, t.org_unit_name, t.category, t.status, m.role, m.joined_at from team_member m"
                + " join team t on t.id = m.team_id where m.volunteer_id = ? order by m.joined_at, t.id",
                row -> new MembershipView(Db.uuid(row, "id"), row.getString("name"), row.getString("org_unit_name"),
                        row.getString("category"), TeamStatus.valueOf(row.getString("status")), MemberRole.valueOf(row.getString("role")),
                        Times.local(Db.instant(row, "joined_at"))), volunteerId);
    }
}
