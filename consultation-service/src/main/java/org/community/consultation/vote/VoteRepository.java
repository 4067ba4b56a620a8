package org.community.consultation.vote;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;

/** SQL for votes, their roll and their ballots. */
@ApplicationScoped
public class VoteRepository {

    private static final String SELECT = "select " + Vote.COLUMNS + " from vote ";

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

    public Optional<Vote> find(UUID id) {
        return db.one(SELECT + "where id = ?", Vote::map, id);
    }

    public Optional<Vote> lock(UUID id) {
        return db.one(SELECT + "where id = ? for update", Vote::map, id);
    }

    /** Votes, of one topic when given, that pass {@code visible} (a condition with its arguments in {@code visibleArgs}). */
    public List<Vote> ofTopic(UUID topicId, String visible, List<Object> visibleArgs, PageRequest page) {
        List<Object> args = new java.util.ArrayList<>(visibleArgs);
        String where = "where " + visible + (topicId == null ? "" : " and topic_id = ?");
        if (topicId != null) {
            args.add(topicId);
        }
        args.add(page.size);
        args.add(page.offset());
        return db.list(SELECT + where + " order by created_at desc, id limit ? offset ?", Vote::map, args.toArray());
    }

    public long countOfTopic(UUID topicId, String visible, List<Object> visibleArgs) {
        List<Object> args = new java.util.ArrayList<>(visibleArgs);
        String where = "where " + visible + (topicId == null ? "" : " and topic_id = ?");
        if (topicId != null) {
            args.add(topicId);
        }
        return db.count("select count(*) from vote " + where, args.toArray());
    }

    /** The org path of the vote's topic. */
    public String topicPath(UUID voteId) {
        return db.one("select t.org_path from vote v join topic t on t.id = v.topic_id where v.id = ?", row -> row.getString(1), voteId)
                .orElseThrow();
    }

    /** The owner whose unit on a frozen roll is linked to this account (token sub). */
    public Optional<Owner> ownerOfAccount(UUID voteId, String account) {
        return db.one("select o.owner_key, o.owner_name, o.units, o.area from elector e join vote_owner o"
                + " on o.vote_id = e.vote_id and o.owner_key = e.owner_key where e.vote_id = ? and e.account = ? order by e.unit_id limit 1",
                row -> new Owner(row.getString(1), row.getString(2), row.getInt(3), row.getLong(4)), voteId, account);
    }

    /** Whether a unit on the roll is linked to this account (the roll may not be frozen yet). */
    public boolean hasAccount(UUID voteId, String account) {
        return account != null && db.count("select count(*) from elector where vote_id = ? and account = ?", voteId, account) > 0;
    }

    /** The ballots of the owners whose units are linked to this account. */
    public List<BallotView> ballotsOfAccount(UUID voteId, String account) {
        return db.list("select " + BallotView.COLUMNS + " from ballot where vote_id = ? and owner_key in"
                + " (select owner_key from elector where vote_id = ? and account = ?) order by seq", BallotView::map, voteId, voteId, account);
    }

    public void insert(Vote v) {
        db.update("insert into vote (id, topic_id, title, question, matter, rule, building, entrance, opens_at, closes_at, status, last_hash,"
                + " created_by, version, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.id(), v.topicId(), v.title(),
                v.question(), v.matter(), v.rule(), v.building(), v.entrance(), v.opensAt(), v.closesAt(), v.status(), v.lastHash(),
                v.createdBy(), v.version(), v.createdAt());
    }

    /** Adds units to the roll in one batch; returns the unit ids that were already on it (nothing is added then). */
    public List<String> existingUnits(UUID voteId, List<String> unitIds) {
        return db.list("select unit_id from elector where vote_id = ? and unit_id = any(?)", row -> row.getString(1), voteId,
                unitIds.toArray(String[]::new));
    }

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

    public List<ElectorRow> electors(UUID voteId, PageRequest page) {
        return db.list("select unit_id, owner_key, owner_name, building, entrance, area, account from elector where vote_id = ?"
                + " order by unit_id limit ? offset ?", row -> new ElectorRow(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), (Long) row.getObject(6), row.getString(7)), voteId, page.size, page.offset());
    }

    public long countElectors(UUID voteId) {
        return db.count("select count(*) from elector where vote_id = ?", voteId);
    }

    public long countElectorsWithoutArea(UUID voteId) {
        return db.count("select count(*) from elector where vote_id = ? and area is null", voteId);
    }

    /**
     * Freezes the roll: one row per owner with their units and summed area, and the roll totals on the vote.
     * An owner of several units counts once; every unit's area counts.
     */
    public void freezeRoll(UUID voteId) {
        db.update("insert into vote_owner (vote_id, owner_key, owner_name, units, area)"
                + " select vote_id, owner_key, min(owner_name), count(*), coalesce(sum(area), 0) from elector where vote_id = ?"
                + " group by vote_id, owner_key", voteId);
        db.update("update vote set total_units = (select count(*) from elector where vote_id = ?),"
                + " total_owners = (select count(*) from vote_owner where vote_id = ?),"
                + " total_area = (select coalesce(sum(area), 0) from elector where vote_id = ?) where id = ?", voteId, voteId, voteId, voteId);
    }

    public Optional<Owner> owner(UUID voteId, String ownerKey) {
        return db.one("select owner_key, owner_name, units, area from vote_owner where vote_id = ? and owner_key = ?",
                row -> new Owner(row.getString(1), row.getString(2), row.getInt(3), row.getLong(4)), voteId, ownerKey);
    }

    public Optional<Owner> ownerOfUnit(UUID voteId, String unitId) {
        return db.one("select o.owner_key, o.owner_name, o.units, o.area from elector e join vote_owner o"
                + " on o.vote_id = e.vote_id and o.owner_key = e.owner_key where e.vote_id = ? and e.unit_id = ?",
                row -> new Owner(row.getString(1), row.getString(2), row.getInt(3), row.getLong(4)), voteId, unitId);
    }

    /** Locks the vote row: ballots of one vote append to its chain one at a time. */
    public Optional<ChainHead> lockChainHead(UUID voteId) {
        return db.one("select status, opens_at, closes_at, last_seq, last_hash from vote where id = ? for update",
                row -> new ChainHead(Db.enumValue(row, "status", VoteStatus.class), Db.instant(row, "opens_at"),
                        Db.instant(row, "closes_at"), row.getLong("last_seq"), row.getString("last_hash")), voteId);
    }

    /** Inserts the ballot unless the owner already has one; false when they do. */
    public boolean insertBallot(UUID id, UUID voteId, long seq, Owner owner, BallotInput in, Channel channel, Instant castAt,
            String prevHash, String hash) {
        return db.update("insert into ballot (" + BallotView.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (vote_id, owner_key) do nothing", id, voteId, seq, owner.ownerKey(), in.choice(), owner.units(),
                owner.area(), channel, trim(in.proxyName()), trim(in.authorizationRef()), trim(in.evidenceRef()), trim(in.enteredBy()),
                castAt.atOffset(ZoneOffset.UTC), prevHash, hash) == 1;
    }

    /** Adds one ballot to the running tally and moves the chain head, in the transaction that inserted it. */
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

    public void setStatus(UUID voteId, VoteStatus status, VoteRule.Outcome outcome, Instant openedAt, Instant closedAt) {
        db.update("update vote set status = ?, outcome = coalesce(?, outcome), opened_at = coalesce(?, opened_at),"
                + " closed_at = coalesce(?, closed_at), version = version + 1 where id = ?", status, outcome, openedAt, closedAt, voteId);
    }

    public List<UUID> expiredOpenVotes() {
        return db.list("select id from vote where status = 'OPEN' and closes_at <= now() order by closes_at limit 100",
                row -> Db.uuid(row, "id"));
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
