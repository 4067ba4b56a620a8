package org.community.org.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.http.Times;
import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.org.member.MemberService;
import org.community.org.member.MemberStatus;
import org.community.org.member.PostService;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;

/**
 * Transfers. A member's unit changes only when a transfer is accepted, in the transaction that marks it accepted:
 * the member belongs to exactly one unit at every moment. Decisions lock the transfer row first, so an accept and
 * a reject racing on one transfer end with exactly one outcome (the second gets 409).
 */
@ApplicationScoped
public class TransferService {

    @Inject
    TransferRepository transfers;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    MemberService memberService;

    @Inject
    MemberRepository members;

    @Inject
    PostService posts;

    @Inject
    OrgUnitRepository units;

    @Transactional
    public Transfer initiate(TransferInput input) {
        caller.require(Access.ADMIN);
        Member member = members.lockForUpdate(input.memberId())
                .filter(found -> caller.sees(found.path()))
                .orElseThrow(() -> ProblemException.invalidField("memberId", "memberUnknown", input.memberId()));
        if (!member.status().isPartyMember()) {
            throw ProblemException.conflictOnField("memberId", "transferNotMember", member.name(), member.status());
        }
        boolean internal = input.toUnitId() != null;
        if (internal == (input.externalOrg() != null && !input.externalOrg().isBlank())) {
            throw ProblemException.badField("toUnitId", "transferDestination");
        }
        LocalDate on = input.initiatedOn() == null ? Times.today() : input.initiatedOn();
        String letter;
        if (internal) {
            if (input.toUnitId().equals(member.unitId())) {
                throw ProblemException.invalidField("toUnitId", "transferSameUnit");
            }
            memberService.memberUnit(input.toUnitId(), "toUnitId");
            // without one given, the letter is numbered from the transfer's id when it has one
            letter = input.letterNumber() == null || input.letterNumber().isBlank() ? null : input.letterNumber().trim();
        } else {
            if (input.letterNumber() == null || input.letterNumber().isBlank()) {
                throw ProblemException.invalidField("letterNumber", "transferLetterRequired");
            }
            letter = input.letterNumber().trim();
        }
        Transfer transfer = new Transfer(member.id(), internal ? Transfer.Kind.INTERNAL : Transfer.Kind.EXTERNAL, member.unitId(),
                input.toUnitId(), internal ? null : input.externalOrg().trim(), letter, trim(input.reason()), on, Instant.now());
        if (!transfers.insert(transfer)) {
            throw ProblemException.conflictOnField("memberId", "transferPending", member.name());
        }
        audit.record("transfer.initiate", "transfer", transfer.id(), member.path(), input);
        return transfer;
    }

    /**
     * Internal: the destination takes the member in. External: the origin records the receipt (回执) of the outside
     * organization and the member leaves as TRANSFERRED_OUT. Either way the member's posts end.
     */
    @Transactional
    public Transfer accept(UUID id, Decision decision) {
        caller.require(Access.ADMIN);
        Transfer transfer = decidable(id, TransferStatus.ACCEPTED);
        LocalDate on = decisionDate(transfer, decision);
        Member member = members.lockForUpdate(transfer.memberId()).orElseThrow();
        if (!member.unitId().equals(transfer.fromUnitId()) || !member.status().isPartyMember()) {
            throw ProblemException.conflict("transferStale", member.name());
        }
        if (transfer.kind() == Transfer.Kind.INTERNAL) {
            OrgUnit to = memberService.memberUnit(transfer.toUnitId(), "toUnitId");
            posts.endAllHeldBy(member.id(), on, "组织关系转出");
            memberService.moveTo(member, to);
            members.addStep(member.id(), member.status(), on, "组织关系转入“" + to.name() + "”(" + transfer.letterNumber() + ")");
        } else {
            memberService.changeStatus(member, MemberStatus.TRANSFERRED_OUT, on,
                    "组织关系转往“" + transfer.externalOrg() + "”(" + transfer.letterNumber() + ")");
        }
        transfer.decide(TransferStatus.ACCEPTED, on, trim(decision.note()), Instant.now());
        transfers.flush();
        audit.record("transfer.accept", "transfer", id, deciderPath(transfer, TransferStatus.ACCEPTED), decision);
        return transfer;
    }

    @Transactional
    public Transfer reject(UUID id, Decision decision) {
        caller.require(Access.ADMIN);
        Transfer transfer = decidable(id, TransferStatus.REJECTED);
        if (decision.note() == null || decision.note().isBlank()) {
            throw ProblemException.badField("note", "transferRejectReason");
        }
        transfer.decide(TransferStatus.REJECTED, decisionDate(transfer, decision), decision.note().trim(), Instant.now());
        transfers.flush();
        audit.record("transfer.reject", "transfer", id, deciderPath(transfer, TransferStatus.REJECTED), decision);
        return transfer;
    }

    @Transactional
    public Transfer cancel(UUID id, Decision decision) {
        caller.require(Access.ADMIN);
        Transfer transfer = decidable(id, TransferStatus.CANCELLED);
        transfer.decide(TransferStatus.CANCELLED, decisionDate(transfer, decision), trim(decision.note()), Instant.now());
        transfers.flush();
        audit.record("transfer.cancel", "transfer", id, deciderPath(transfer, TransferStatus.CANCELLED), decision);
        return transfer;
    }

    private Transfer decidable(UUID id, TransferStatus next) {
        Transfer transfer = transfers.lockForUpdate(id).orElseThrow(() -> ProblemException.notFound("transfer", id));
        caller.requireVisible(Access.ADMIN, "transfer", id, pathOf(transfer.fromUnitId()), pathOf(transfer.toUnitId()));
        if (!caller.sees(deciderPath(transfer, next))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "forbidden.transferSide");
        }
        if (!transfer.status().mayBecome(next)) {
            throw ProblemException.conflict("transferDecided", transfer.status());
        }
        return transfer;
    }

    /**
     * The side that takes this decision: the sending unit cancels; the receiving unit accepts or rejects an internal
     * transfer; the sending unit records the outside organization's answer to an external one.
     */
    private String deciderPath(Transfer transfer, TransferStatus next) {
        boolean receiverDecides = next != TransferStatus.CANCELLED && transfer.kind() == Transfer.Kind.INTERNAL;
        return pathOf(receiverDecides ? transfer.toUnitId() : transfer.fromUnitId());
    }

    private String pathOf(UUID unitId) {
        return unitId == null ? null : units.find(unitId).map(OrgUnit::path).orElse(null);
    }

    private static LocalDate decisionDate(Transfer transfer, Decision decision) {
        LocalDate on = decision.on() == null ? Times.today() : decision.on();
        if (on.isBefore(transfer.initiatedOn())) {
            throw ProblemException.invalidField("on", "transferDecisionEarly", transfer.initiatedOn());
        }
        return on;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
