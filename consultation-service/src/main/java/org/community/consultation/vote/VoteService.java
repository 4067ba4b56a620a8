package org.community.consultation.vote;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.consultation.audit.AuditLog;
import org.community.conventions.db.Ids;
import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.community.consultation.security.Actor;
import org.community.consultation.security.Caller;
import org.community.consultation.topic.Topic;
import org.community.consultation.topic.TopicCategory;
import org.community.consultation.topic.TopicAccess;
import org.community.consultation.topic.TopicRepository;

/** The writes of votes: roll, opening, ballots (hash-chained, counted as they arrive) and closing. */
@ApplicationScoped
public class VoteService {

    @Inject
    VoteRepository votes;

    /** Deadlines (vote windows, notice periods) are read on this clock, which tests move instead of sleeping. */
    @Inject
    Clock clock;

    @Inject
    TopicRepository topics;

    @Inject
    TopicAccess topicAccess;

    @Inject
    VoteAccess access;

    @Inject
    AuditLog audit;

    @Transactional
    public Vote create(VoteInput in) {
        Topic topic = topics.share(in.topicId()).orElseThrow(() -> ProblemException.invalidField("topicId", "topicUnknown", in.topicId()));
        topicAccess.requireAdminOfNamed(topic, "topicId");
        if (!topic.stage().isDeliberating()) {
            throw ProblemException.conflictOnField("topicId", "voteTopicStage", topic.stage());
        }
        if (topic.category() == TopicCategory.ELEVATOR_INSTALLATION && in.matter() != VoteMatter.REBUILD_OR_ALTER) {
            throw ProblemException.invalidField("matter", "elevatorIsAlteration", in.matter());
        }
        if (!in.matter().allows(in.rule())) {
            throw ProblemException.invalidField("rule", "ruleTooWeak", in.rule(), in.matter(), in.matter().minimumRule);
        }
        if (!in.closesAt().isAfter(in.opensAt())) {
            throw ProblemException.badField("closesAt", "closesBeforeOpens");
        }
        if (blank(in.building()) && !blank(in.entrance())) {
            throw ProblemException.badField("building", "entranceNeedsBuilding");
        }
        VoteEntity vote = new VoteEntity();
        vote.id = Ids.newId();
        vote.topicId = topic.id();
        vote.title = in.title().trim();
        vote.question = in.question().trim();
        vote.matter = in.matter();
        vote.rule = in.rule();
        vote.building = trim(in.building());
        vote.entrance = trim(in.entrance());
        vote.opensAt = in.opensAt().toInstant();
        vote.closesAt = in.closesAt().toInstant();
        vote.status = VoteStatus.DRAFT;
        vote.lastHash = BallotChain.genesis(vote.id);
        vote.createdBy = in.createdBy().trim();
        vote.createdAt = clock.instant();
        // flushed before the roll's JDBC batch, whose rows reference it
        votes.persistAndFlush(vote);
        if (in.electors() != null && !in.electors().isEmpty()) {
            addElectors(vote.toVote(), in.electors(), "electors");
        }
        audit.record("vote.create", "vote", vote.id, topic.orgPath(), AuditLog.summary("topicId", topic.id(), "title", vote.title, "matter",
                vote.matter, "rule", vote.rule, "electors", in.electors() == null ? 0 : in.electors().size()));
        return vote.toVote();
    }

    @Transactional
    public long addElectors(UUID voteId, List<ElectorInput> electors) {
        Vote vote = votes.lock(voteId).map(VoteEntity::toVote).orElseThrow(() -> ProblemException.notFound("vote", voteId));
        String path = access.requireAdmin(vote);
        addElectors(vote, electors, "");
        long units = votes.countElectors(voteId);
        audit.record("vote.electors", "vote", voteId, path, AuditLog.summary("added", electors.size(), "units", units));
        return units;
    }

    private void addElectors(Vote vote, List<ElectorInput> electors, String prefix) {
        if (vote.status() != VoteStatus.DRAFT) {
            throw ProblemException.conflict("rollFrozen", vote.status());
        }
        List<ProblemException.Violation> violations = new ArrayList<>();
        List<VoteRepository.ElectorRow> rows = new ArrayList<>(electors.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < electors.size(); i++) {
            ElectorInput e = electors.get(i);
            String field = prefix + "[" + i + "]";
            String unitId = e.unitId().trim();
            if (!seen.add(unitId)) {
                violations.add(new ProblemException.Violation(field + ".unitId", "unitTwiceOnRoll", unitId));
            }
            Long area = null;
            if (e.areaM2() != null) {
                area = Areas.toCenti(e.areaM2());
                if (area == null) {
                    violations.add(new ProblemException.Violation(field + ".areaM2", "areaInvalid", e.areaM2()));
                }
            } else if (vote.rule().needsArea) {
                violations.add(new ProblemException.Violation(field + ".areaM2", "areaRequired", vote.rule()));
            }
            if (vote.building() != null && !vote.building().equals(trim(e.building()))) {
                violations.add(new ProblemException.Violation(field + ".building", "outsideBuilding", vote.building()));
            }
            if (vote.entrance() != null && !vote.entrance().equals(trim(e.entrance()))) {
                violations.add(new ProblemException.Violation(field + ".entrance", "outsideEntrance", vote.entrance()));
            }
            rows.add(new VoteRepository.ElectorRow(unitId, e.effectiveOwnerKey(), e.ownerName().trim(), trim(e.building()),
                    trim(e.entrance()), area, trim(e.account())));
        }
        if (violations.isEmpty()) {
            List<String> existing = votes.existingUnits(vote.id(), rows.stream().map(VoteRepository.ElectorRow::unitId).toList());
            for (String unit : existing.stream().limit(20).toList()) {
                violations.add(new ProblemException.Violation(prefix + "unitId", "unitAlreadyOnRoll", unit));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(org.community.conventions.problem.ProblemType.UNPROCESSABLE,
                    violations.stream().limit(50).toList(), "invalidFields", violations.size());
        }
        votes.flush();
        votes.insertElectors(vote.id(), rows);
    }

    /** DRAFT → OPEN: the roll is frozen and its totals fixed. Owners' rules need a floor area on every unit. */
    @Transactional
    public Vote open(UUID id, String ifMatch) {
        VoteEntity locked = votes.lock(id).orElseThrow(() -> ProblemException.notFound("vote", id));
        Vote vote = locked.toVote();
        String path = access.requireAdmin(vote);
        Preconditions.requireMatch(ifMatch, vote.version());
        requireMove(vote, VoteStatus.OPEN);
        if (votes.countElectors(id) == 0) {
            throw ProblemException.conflict("rollEmpty");
        }
        if (vote.rule().needsArea && votes.countElectorsWithoutArea(id) > 0) {
            throw ProblemException.invalidField("rule", "ruleNeedsArea", vote.rule(), votes.countElectorsWithoutArea(id));
        }
        if (!vote.closesAt().isAfter(clock.instant())) {
            throw ProblemException.conflictOnField("closesAt", "closesInPast");
        }
        // the roll's totals are summed by SQL over the whole roll and land on the row behind Hibernate's back: flush first, re-read after
        votes.flush();
        votes.freezeRoll(id);
        votes.getEntityManager().refresh(locked);
        locked.status = VoteStatus.OPEN;
        locked.openedAt = clock.instant();
        votes.flush();
        Vote opened = locked.toVote();
        audit.record("vote.open", "vote", id, path, AuditLog.summary("status", VoteStatus.OPEN, "units", opened.totalUnits(), "owners",
                opened.totalOwners()));
        return opened;
    }

    /**
     * Casts one owner's ballot. The owner is looked up first (the roll is frozen), then the vote row is locked
     * for the short append: window check, insert with the chain link, counter update. Concurrent ballots of
     * one vote queue on that lock, so the chain has no forks and the counters no lost updates.
     * <p>
     * {@code staff} (an admin role over the vote's topic) casts for any owner on any channel; anybody else casts only
     * their own ballot, online: the owner whose unit on the roll is linked to their account (403 otherwise). The
     * caller is resolved on the request thread; this runs on the casting pool, so {@code actor} comes with it.
     */
    @Transactional
    public BallotView cast(UUID voteId, String topicPath, BallotInput in, Actor actor, boolean staff) {
        Channel channel = in.channel() == null ? Channel.ONLINE : in.channel();
        VoteRepository.Owner owner;
        if (staff) {
            checkChannel(in, channel);
            owner = findOwner(voteId, in);
        } else {
            if (channel != Channel.ONLINE || actor.subject() == null) {
                throw Caller.forbidden();
            }
            owner = votes.ownerOfAccount(voteId, actor.subject()).orElse(null);
            if (owner != null && (!blank(in.ownerKey()) || !blank(in.unitId()))) {
                VoteRepository.Owner named = findOwner(voteId, in);
                if (named == null || !named.ownerKey().equals(owner.ownerKey())) {
                    throw Caller.forbidden();
                }
            }
        }
        if (owner == null && !staff && !votes.hasAccount(voteId, actor.subject())) {
            throw Caller.forbidden();
        }
        UUID id = Ids.newId();
        if (owner != null) {
            // written before the vote's row lock so the serialized append stays short; a refused ballot rolls it back.
            // The choice stays in the ballot chain only.
            audit.record(actor, "ballot.cast", "vote", voteId, topicPath, AuditLog.summary("ballotId", id, "ownerKey", owner.ownerKey(),
                    "channel", channel, "proxyName", trim(in.proxyName()), "evidenceRef", trim(in.evidenceRef()), "enteredBy",
                    trim(in.enteredBy())));
        }
        VoteRepository.ChainHead head = votes.lockChainHead(voteId).orElseThrow(() -> ProblemException.notFound("vote", voteId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        checkWindow(head, now);
        if (owner == null) {
            throw staff ? notElector(in) : Caller.forbidden();
        }
        long seq = head.lastSeq() + 1;
        String hash = BallotChain.hash(head.lastHash(), voteId, seq, owner.ownerKey(), in.choice(), owner.units(), owner.area(), channel,
                trim(in.proxyName()), trim(in.authorizationRef()), trim(in.evidenceRef()), trim(in.enteredBy()), now);
        if (!votes.insertBallot(id, voteId, seq, owner, in, channel, now, head.lastHash(), hash)) {
            throw ProblemException.conflict("alreadyVoted", owner.ownerName());
        }
        votes.count(voteId, in.choice(), channel, owner, seq, hash);
        return new BallotView(id, voteId, seq, owner.ownerKey(), in.choice(), owner.units(), Areas.toSquareMetres(owner.area()), channel,
                trim(in.proxyName()), trim(in.authorizationRef()), trim(in.evidenceRef()), trim(in.enteredBy()),
                BallotView.castAt(now), head.lastHash(), hash);
    }

    /** OPEN → CLOSED once the window has ended, or earlier when every owner has voted (nothing can change any more). */
    @Transactional
    public Vote close(UUID id, String ifMatch) {
        VoteEntity locked = votes.lock(id).orElseThrow(() -> ProblemException.notFound("vote", id));
        Vote vote = locked.toVote();
        String path = access.requireAdmin(vote);
        Preconditions.checkMatch(ifMatch, vote.version());
        requireMove(vote, VoteStatus.CLOSED);
        if (clock.instant().isBefore(vote.closesAt()) && vote.ballots() < vote.totalOwners()) {
            throw ProblemException.conflict("closeTooEarly", org.community.conventions.http.Times.local(vote.closesAt()),
                    vote.totalOwners() - vote.ballots());
        }
        Vote closed = closeLocked(locked);
        audit.record("vote.close", "vote", id, path, AuditLog.summary("status", closed.status(), "outcome", closed.outcome(), "ballots",
                closed.ballots()));
        return closed;
    }

    /** Closes a vote whose window has ended; used by the scheduler. False when nothing was to do. */
    @Transactional
    public boolean closeIfExpired(UUID id) {
        VoteEntity vote = votes.lock(id).orElse(null);
        if (vote == null || vote.status != VoteStatus.OPEN || clock.instant().isBefore(vote.closesAt)) {
            return false;
        }
        Vote closed = closeLocked(vote);
        audit.record(Actor.system("vote-closer"), "vote.close", "vote", id, topicPath(id), AuditLog.summary("status", closed.status(),
                "outcome", closed.outcome(), "ballots", closed.ballots(), "automatic", true));
        return true;
    }

    /** Fixes the result from the counters, read under the vote's row lock, so no ballot can slip in meanwhile. */
    private Vote closeLocked(VoteEntity vote) {
        vote.outcome = vote.rule.decide(vote.toVote().counts()).outcome();
        vote.status = VoteStatus.CLOSED;
        vote.closedAt = clock.instant();
        votes.flush();
        return vote.toVote();
    }

    @Transactional
    public Vote cancel(UUID id, String ifMatch) {
        VoteEntity locked = votes.lock(id).orElseThrow(() -> ProblemException.notFound("vote", id));
        Vote vote = locked.toVote();
        String path = access.requireAdmin(vote);
        Preconditions.requireMatch(ifMatch, vote.version());
        requireMove(vote, VoteStatus.CANCELLED);
        locked.status = VoteStatus.CANCELLED;
        locked.closedAt = clock.instant();
        votes.flush();
        audit.record("vote.cancel", "vote", id, path, AuditLog.summary("status", VoteStatus.CANCELLED, "ballots", vote.ballots()));
        return locked.toVote();
    }

    private String topicPath(UUID voteId) {
        return votes.topicPath(voteId);
    }

    private VoteRepository.Owner findOwner(UUID voteId, BallotInput in) {
        VoteRepository.Owner byKey = blank(in.ownerKey()) ? null : votes.owner(voteId, in.ownerKey().trim()).orElse(null);
        VoteRepository.Owner byUnit = blank(in.unitId()) ? null : votes.ownerOfUnit(voteId, in.unitId().trim()).orElse(null);
        if (!blank(in.ownerKey()) && !blank(in.unitId()) && byKey != null && byUnit != null
                && !Objects.equals(byKey.ownerKey(), byUnit.ownerKey())) {
            throw ProblemException.invalidField("unitId", "unitOfAnotherOwner", in.unitId());
        }
        if ((!blank(in.ownerKey()) && byKey == null) || (!blank(in.unitId()) && byUnit == null)) {
            return null;
        }
        return byKey != null ? byKey : byUnit;
    }

    private static ProblemException notElector(BallotInput in) {
        return blank(in.ownerKey()) ? ProblemException.invalidField("unitId", "notElector", in.unitId())
                : ProblemException.invalidField("ownerKey", "notElector", in.ownerKey());
    }

    private static void checkChannel(BallotInput in, Channel channel) {
        if (blank(in.ownerKey()) && blank(in.unitId())) {
            throw ProblemException.badField("ownerKey", "ownerOrUnitRequired");
        }
        List<ProblemException.Violation> missing = new ArrayList<>();
        if (channel == Channel.PROXY) {
            if (blank(in.proxyName())) {
                missing.add(new ProblemException.Violation("proxyName", "requiredFor", channel));
            }
            if (blank(in.authorizationRef())) {
                missing.add(new ProblemException.Violation("authorizationRef", "requiredFor", channel));
            }
        }
        if (channel == Channel.PAPER) {
            if (blank(in.evidenceRef())) {
                missing.add(new ProblemException.Violation("evidenceRef", "requiredFor", channel));
            }
            if (blank(in.enteredBy())) {
                missing.add(new ProblemException.Violation("enteredBy", "requiredFor", channel));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(org.community.conventions.problem.ProblemType.VALIDATION, missing, "invalidFields", missing.size());
        }
    }

    private static void checkWindow(VoteRepository.ChainHead head, Instant now) {
        switch (head.status()) {
            case DRAFT -> throw ProblemException.conflict("voteNotOpen");
            case CLOSED, CANCELLED -> throw ProblemException.conflict("voteClosed", head.status());
            case OPEN -> {
                if (now.isBefore(head.opensAt())) {
                    throw ProblemException.conflict("voteNotYetOpen", org.community.conventions.http.Times.local(head.opensAt()));
                }
                if (!now.isBefore(head.closesAt())) {
                    throw ProblemException.conflict("votingEnded", org.community.conventions.http.Times.local(head.closesAt()));
                }
            }
        }
    }

    private static void requireMove(Vote vote, VoteStatus to) {
        if (!vote.status().canMoveTo(to)) {
            throw ProblemException.conflict("voteStatusIllegal", vote.status(), to);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.trim();
    }
}
