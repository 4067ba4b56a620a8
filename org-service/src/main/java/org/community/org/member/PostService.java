package org.community.org.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.problem.ProblemException;
import org.community.org.changes.ChangeLog;
import org.community.org.changes.ChangeType;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.stats.Counts;
import org.community.org.stats.Rollups;
import org.community.org.tree.Level;
import org.community.org.tree.OrgForm;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.Paths;

/**
 * Post writes. The unit's leader snapshot (has_leader, leader_name) follows its active SECRETARY post, or its
 * GROUP_LEADER for a group, and the "leaderless units" counter of its ancestors with it.
 */
@ApplicationScoped
public class PostService {

    @Inject
    ChangeLog changeLog;

    @Inject
    PostRepository posts;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    MemberRepository members;

    @Inject
    OrgUnitRepository units;

    @Inject
    Rollups rollups;

    @Transactional
    public Post appoint(PostInput input) {
        caller.require(Access.ADMIN);
        Member member = input.memberId() == null ? null
                : members.lockForUpdate(input.memberId())
                        .filter(found -> caller.sees(found.path()))
                        .orElseThrow(() -> ProblemException.invalidField("memberId", "memberUnknown", input.memberId()));
        OrgUnit unit = units.lockForUpdate(input.unitId())
                .orElseThrow(() -> ProblemException.invalidField("unitId", "unitUnknown", input.unitId()));
        caller.requireIn(Access.ADMIN, unit.path());
        if (!unit.isActive()) {
            throw ProblemException.invalidField("unitId", "unitDissolved", unit.name());
        }
        PostRole role = input.role();
        if (role.isPartyPost() && unit.form() == null) {
            throw ProblemException.invalidField("unitId", "postNeedsOrganization", role, unit.name());
        }
        if (role == PostRole.GROUP_LEADER && unit.form() != OrgForm.GROUP) {
            throw ProblemException.invalidField("role", "postGroupLeaderForm", unit.name());
        }
        if (role == PostRole.SECRETARY && unit.form() == OrgForm.GROUP) {
            throw ProblemException.invalidField("role", "postGroupHasLeader", unit.name());
        }
        if (role == PostRole.GRID_WORKER && unit.level() != Level.GRID || role == PostRole.BUILDING_LEADER && unit.level() != Level.BUILDING) {
            throw ProblemException.invalidField("role", "postLevel", role, unit.level());
        }
        String holder;
        if (member == null) {
            if (role.isPartyPost()) {
                throw ProblemException.invalidField("memberId", "postNeedsMember", role);
            }
            if (input.holderName() == null || input.holderName().isBlank()) {
                throw ProblemException.invalidField("holderName", "postNeedsHolder");
            }
            holder = input.holderName().trim();
        } else {
            if (member.status().isExit() || (role.isPartyPost() && !member.status().isPartyMember())) {
                throw ProblemException.invalidField("memberId", "postMemberStatus", member.name(), member.status());
            }
            if (role.holderFromSubtree() && !Paths.isWithin(member.path(), unit.path())) {
                throw ProblemException.invalidField("memberId", "postMemberElsewhere", member.name(), unit.name());
            }
            if (posts.activeHeld(unit.id(), member.id(), role)) {
                throw ProblemException.conflictOnField("memberId", "postAlreadyHeld", member.name(), role);
            }
            holder = member.name();
        }
        if (input.termEndsOn() != null && !input.termEndsOn().isAfter(input.startsOn())) {
            throw ProblemException.invalidField("termEndsOn", "postTermOrder");
        }
        Post post = new Post(unit.id(), role, member == null ? null : member.id(), holder, input.startsOn(), input.termEndsOn(),
                Instant.now());
        if (!posts.insert(post)) {
            throw ProblemException.conflictOnField("role", role == PostRole.SECRETARY ? "secondSecretary" : "secondGroupLeader", unit.name());
        }
        refreshLeader(unit);
        audit.record("post.appoint", "post", post.id(), unit.path(), input);
        return post;
    }

    @Transactional
    public Post end(UUID id, PostEnd request) {
        caller.require(Access.ADMIN);
        UUID unitId = posts.unitOf(id).orElseThrow(() -> ProblemException.notFound("post", id));
        OrgUnit unit = units.lockForUpdate(unitId).orElseThrow();
        caller.requireVisible(Access.ADMIN, "post", id, unit.path());
        Post post = posts.lockForUpdate(id).orElseThrow();
        if (post.endedOn() != null) {
            throw ProblemException.conflict("postEnded");
        }
        if (request.endedOn().isBefore(post.startsOn())) {
            throw ProblemException.invalidField("endedOn", "postEndBeforeStart", post.startsOn());
        }
        post.end(request.endedOn(), request.reason(), Instant.now());
        posts.flush();
        refreshLeader(unit);
        audit.record("post.end", "post", id, unit.path(), request);
        return post;
    }

    /** Ends every post a member holds (exit or transfer), keeping the units' leader snapshots right. */
    public void endAllHeldBy(UUID memberId, LocalDate on, String reason) {
        for (Post post : posts.activeHeldBy(memberId)) {
            OrgUnit unit = units.lockForUpdate(post.unitId()).orElseThrow();
            post.end(on.isBefore(post.startsOn()) ? post.startsOn() : on, reason, Instant.now());
            posts.flush();
            refreshLeader(unit);
        }
    }

    /** Re-derives the unit's leader from its posts and moves the leaderless counter of its ancestors when that changes. */
    private void refreshLeader(OrgUnit unit) {
        Optional<String> holder = units.leaderHolder(unit.id(), unit.form());
        String leaderName = holder.orElse(unit.hasLeader() ? null : unit.leaderName());
        if (holder.isPresent() == unit.hasLeader() && java.util.Objects.equals(leaderName, unit.leaderName())) {
            return;
        }
        Counts before = Counts.ofUnit(unit);
        unit.showLeader(holder.isPresent(), leaderName, Instant.now());
        // written before the counters and the outbox, both deliberate SQL in this transaction
        units.flush();
        changeLog.record(ChangeType.SECRETARY_CHANGED, unit.id(), null);
        rollups.apply(Paths.ancestorKeys(unit.path()), Counts.ofUnit(unit).minus(before));
    }
}
