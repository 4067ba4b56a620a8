package org.community.consultation.vote;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.consultation.security.Scope;

/**
 * Votes, their roll and their ballots. The vote's own row is the {@link VoteEntity}; readers get the immutable
 * {@link Vote}. The roll is written in bulk and ballots are appended and counted by SQL.
 */
@ApplicationScoped
public class VoteRepository implements PanacheRepositoryBase<VoteEntity, UUID> {

    private static final String SELECT = "select id, topic_id, title, question, matter, rule, building, entrance, opens_at,"
            + " closes_at, status, total_units, total_owners, total_area, yes_owners, yes_units, yes_area, no_owners, no_units,"
            + " no_area, abstain_owners, abstain_units, abstain_area, online_ballots, proxy_ballots, paper_ballots, last_seq,"
            + " last_hash, outcome, opened_at, closed_at, created_by, version, created_at from vote ";

    /** An owner on a frozen roll: the units and area their ballot carries. */
    public record Owner(String ownerKey, String ownerName, int units, long area) {
    }

    /** The part of the vote row the ballot append needs, read under the row lock. */
    public record ChainHead(VoteStatus status, Instant opensAt, Instant closesAt, long lastSeq, String lastHash) {
    }

    public record ElectorRow(String unitId, String ownerKey, String ownerName, String building, String entrance, Long area, String account) {
    }

    @Inject
    Db db;

    /**
     * One vote as readers see it. Deliberate SQL: the tally and every ballot read the vote, and a plain row read kept the
     * tally at half the latency of loading the entity into a persistence context (consultation-service/BENCHMARK.md).
     */
    public Optional<Vote> find(UUID id) {
        return db.one(SELECT + "where id = ?", VoteRepository::vote, id);
    }

    private static Vote vote(ResultSet r) throws SQLException {
        return new Vote(Db.uuid(r, "id"), Db.uuid(r, "topic_id"), r.getString("title"), r.getString("question"),
                Db.enumValue(r, "matter", VoteMatter.class), Db.enumValue(r, "rule", VoteRule.class), r.getString("building"),
                r.getString("entrance"), Db.instant(r, "opens_at"), Db.instant(r, "closes_at"), Db.enumValue(r, "status", VoteStatus.class),
                r.getLong("total_units"), r.getLong("total_owners"), r.getLong("total_area"),
                new Vote.Tally(r.getLong("yes_owners"), r.getLong("yes_units"), r.getLong("yes_area")),
                new Vote.Tally(r.getLong("no_owners"), r.getLong("no_units"), r.getLong("no_area")),
                new Vote.Tally(r.getLong("abstain_owners"), r.getLong("abstain_units"), r.getLong("abstain_area")),
                r.getLong("online_ballots"), r.getLong("proxy_ballots"), r.getLong("paper_ballots"), r.getLong("last_seq"),
                r.getString("last_hash"), Db.enumValue(r, "outcome", VoteRule.Outcome.class), Db.instant(r, "opened_at"),
                Db.instant(r, "closed_at"), r.getString("created_by"), r.getLong("version"), Db.instant(r, "created_at"));
    }

    /** Reads and row-locks a vote about to change: changes of one vote, and its ballots, queue here. */
    public Optional<VoteEntity> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Votes, of one topic when given, that the caller may see: votes of topics inside {@code readScope} (btree ranges
     * on the topic's org_path) or with {@code account} on the roll.
     */
    public List<Vote> list(UUID topicId, Scope readScope, String account, PageRequest page) {
        return query(topicId, readScope, account).page(page.page, page.size).list().stream().map(VoteEntity::toVote).toList();
    }

    public long countVisible(UUID topicId, Scope readScope, String account) {
        return query(topicId, readScope, account).count();
    }

    private PanacheQuery<VoteEntity> query(UUID topicId, Scope readScope, String account) {
        List<Object> params = new ArrayList<>();
        StringBuilder hql = new StringBuilder("1 = 1");
        if (!readScope.all()) {
            hql.append(" and (topicId in (select t.id from Topic t where ").append(readScope.hql("t.orgPath", params)).append(')');
            if (account != null) {
                params.add(account);
                hql.append(" or id in (select e.voteId from Elector e where e.account = ?").append(params.size()).append(')');
            }
            hql.append(')');
        }
        if (topicId != null) {
            params.add(topicId);
            hql.append(" and topicId = ?").append(params.size());
        }
        return find(hql.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Ascending), params.toArray());
    }

    /** The org path of the vote's topic. */
    public String topicPath(UUID voteId) {
        return getEntityManager().createQuery("select t.orgPath from Vote v, Topic t where t.id = v.topicId and v.id = ?1", String.class)
                .setParameter(1, voteId).getSingleResult();
    }

    /** Whether a unit on the roll is linked to this account (the roll may not be frozen yet). */
    public boolean hasAccount(UUID voteId, String account) {
        return account != null && Elector.count("voteId = ?1 and account = ?2", voteId, account) > 0;
    }

    public List<ElectorRow> electors(UUID voteId, PageRequest page) {
        return Elector.<Elector>find("voteId = ?1", Sort.by("unitId"), voteId).page(page.page, page.size).list().stream()
                .map(e -> new ElectorRow(e.unitId, e.ownerKey, e.ownerName, e.building, e.entrance, e.area, e.account)).toList();
    }

    public long countElectors(UUID voteId) {
        return Elector.count("voteId", voteId);
    }

    public long countElectorsWithoutArea(UUID voteId) {
        return Elector.count("voteId = ?1 and area is null", voteId);
    }

    /** Open votes whose window has ended by the database's clock, the oldest first, 100 at a time. */
    public List<UUID> expiredOpenVotes() {
        return getEntityManager().createQuery("select id from Vote where status = ?1 and closesAt <= current_timestamp order by closesAt",
                UUID.class).setParameter(1, VoteStatus.OPEN).setMaxResults(100).getResultList();
    }

    // Deliberate SQL from here on, each where it is a fast path: the owner lookups and the append and count of a
    // ballot run once per ballot (tens of thousands per vote, serialized on the vote's row lock); rolls are written
    // and frozen in bulk; ballots are read in chain order as the rows the hash chain covers.

    /** The owner whose unit on a frozen roll is linked to this account (token sub). SQL: per ballot, a join with vote_owner. */
    public Optional<Owner> ownerOfAccount(UUID voteId, String account) {
        return db.one("select o.owner_key, o.owner_name, o.units, o.area from elector e join vote_owner o"
                + " on o.vote_id = e.vote_id and o.owner_key = e.owner_key where e.vote_id = ? and e.account = ? order by e.unit_id limit 1",
                row -> new Owner(row.getString(1), row.getString(2), row.getInt(3), row.getLong(4)), voteId, account);
    }

    /** The ballots of the owners whose units are linked to this account. SQL: ballot rows are read as the chain stores them ({@link BallotView#map}). */
    public List<BallotView> ballotsOfAccount(UUID voteId, String account) {
        return db.list("select " + BallotView.COLUMNS + " from ballot where vote_id = ? and owner_key in"
                + " (select owner_key from elector where vote_id = ? and account = ?) order by seq", BallotView::map, voteId, voteId, account);
    }

    /** The unit ids of {@code unitIds} already on the roll. SQL: one {@code = any(array)} probe for a roll of up to 50,000 units. */
    public List<String> existingUnits(UUID voteId, List<String> unitIds) {
        return db.list("select unit_id from elector where vote_id = ? and unit_id = any(?)", row -> row.getString(1), voteId,
                unitIds.toArray(String[]::new));
    }

    /** Adds units to the roll. SQL: JDBC batches of 1,000 rows, as a 40,000-unit roll needs; callers flush pending entities first. */
    public void insertElectors(UUID voteId, List<ElectorRow> rows) {
        db.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into elector (vote_id, unit_id, owner_key, owner_name, building, entrance, area, account)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (ElectorRow row : rows) {
                    insert.setObject(1, voteId);
                    insert.setString(2, row.unitId());
                    insert.setString(3, row.ownerKey());
                    insert.setString(4, row.ownerName());
                    insert.setString(5, row.building());
                    insert.setString(6, row.entrance());
                    insert.setObject(7, row.area());
                    insert.setString(8, row.account());
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            return null;
        });
    }

    /**
     * Freezes the roll: one row per owner with their units and summed area, and the roll totals on the vote.
     * An owner of several units counts once; every unit's area counts. SQL: set-based aggregates over the whole roll
     * in the database; the {@link VoteEntity} maps the totals read-only, so callers flush before and refresh after.
     */
    public void freezeRoll(UUID voteId) {
        db.update("insert into vote_owner (vote_id, owner_key, owner_name, units, area)"
                + " select vote_id, owner_key, min(owner_name), count(*), coalesce(sum(area), 0) from elector where vote_id = ?"
                + " group by vote_id, owner_key", voteId);
        db.update("update vote set total_units = (select count(*) from elector where vote_id = ?),"
                + " total_owners = (select count(*) from vote_owner where vote_id = ?),"
                + " total_area = (select coalesce(sum(area), 0) from elector where vote_id = ?) where id = ?", voteId, voteId, voteId, voteId);
    }

    /** SQL: per ballot, on the ballot path. */
    public Optional<Owner> owner(UUID voteId, String ownerKey) {
        return db.one("select owner_key, owner_name, units, area from vote_owner where vote_id = ? and owner_key = ?",
                row -> new Owner(row.getString(1), row.getString(2), row.getInt(3), row.getLong(4)), voteId, ownerKey);
    }

    /** SQL: per ballot, on the ballot path. */
    public Optional<Owner> ownerOfUnit(UUID voteId, String unitId) {
        return db.one("select o.owner_key, o.owner_name, o.units, o.area from elector e join vote_owner o"
                + " on o.vote_id = e.vote_id and o.owner_key = e.owner_key where e.vote_id = ? and e.unit_id = ?",
                row -> new Owner(row.getString(1), row.getString(2), row.getInt(3), row.getLong(4)), voteId, unitId);
    }

    /**
     * Locks the vote row: ballots of one vote append to its chain one at a time. SQL: only the five columns the append
     * needs, without loading the whole vote into a persistence context, held for the shortest possible time.
     */
    public Optional<ChainHead> lockChainHead(UUID voteId) {
        return db.one("select status, opens_at, closes_at, last_seq, last_hash from vote where id = ? for update",
                row -> new ChainHead(Db.enumValue(row, "status", VoteStatus.class), Db.instant(row, "opens_at"),
                        Db.instant(row, "closes_at"), row.getLong("last_seq"), row.getString("last_hash")), voteId);
    }

    /** Inserts the ballot unless the owner already has one; false when they do. SQL: {@code on conflict do nothing} decides it in one statement. */
    public boolean insertBallot(UUID id, UUID voteId, long seq, Owner owner, BallotInput in, Channel channel, Instant castAt,
            String prevHash, String hash) {
        return db.update("insert into ballot (" + BallotView.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (vote_id, owner_key) do nothing", id, voteId, seq, owner.ownerKey(), in.choice(), owner.units(),
                owner.area(), channel, trim(in.proxyName()), trim(in.authorizationRef()), trim(in.evidenceRef()), trim(in.enteredBy()),
                castAt.atOffset(ZoneOffset.UTC), prevHash, hash) == 1;
    }

    /**
     * Adds one ballot to the running tally and moves the chain head, in the transaction that inserted it. SQL:
     * {@code x = x + ?} under the row lock, one statement per ballot (mapped read-only in {@link VoteEntity}).
     */
    public void count(UUID voteId, Choice choice, Channel channel, Owner owner, long seq, String hash) {
        String c = choice.column();
        db.update("update vote set " + c + "_owners = " + c + "_owners + 1, " + c + "_units = " + c + "_units + ?, " + c + "_area = " + c
                + "_area + ?, " + channel.column() + " = " + channel.column() + " + 1, last_seq = ?, last_hash = ? where id = ?",
                owner.units(), owner.area(), seq, hash, voteId);
    }

    public boolean hasBallot(UUID voteId, String ownerKey) {
        return db.count("select count(*) from ballot where vote_id = ? and owner_key = ?", voteId, ownerKey) > 0;
    }

    public List<BallotView> ballots(UUID voteId, PageRequest page) {
        return db.list("select " + BallotView.COLUMNS + " from ballot where vote_id = ? order by seq limit ? offset ?", BallotView::map,
                voteId, page.size, page.offset());
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
