package org.community.consultation.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.consultation.audit.AuditLog;
import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.consultation.orgunits.OrgUnits;
import org.community.consultation.orgunits.UnitSnapshot;
import org.community.conventions.problem.ProblemException;
import org.community.consultation.security.Caller;

/**
 * Append-only fund ledgers, written by admin roles inside their scope (403 elsewhere); every entry is audited. Each (compound, fund) has a head row holding the balance and last sequence
 * number; an entry locks the head, so entries of one ledger append one at a time and every balance is exact.
 */
@ApplicationScoped
public class DisclosureService {

    record Head(String compoundName, long balance, long lastSeq, String orgPath) {
    }

    private record Entry(String kind, DisclosureInputs.Direction direction, long amount, LocalDate occurredOn, String summary,
            String counterparty, String voucherRef, UUID correctsId, String reason) {
    }

    @Inject
    Db db;

    /** "Now" for the records written here, on the same clock as the deadlines (tests move it). */
    @Inject
    Clock clock;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Transactional
    public List<UUID> record(DisclosureInputs.EntryInput in) {
        caller.require(caller.admin());
        Head head = lockHead(in.compoundId(), in.fund(), true);
        caller.requireIn(caller.adminScope(), head.orgPath());
        long amount = in.amount().movePointRight(2).longValueExact();
        List<UUID> ids = append(in.compoundId(), in.fund(), head, in.recordedBy().trim(), List.of(new Entry("ENTRY", in.direction(), amount,
                in.occurredOn(), in.summary().trim(), trim(in.counterparty()), trim(in.voucherRef()), null, null)));
        audit.record("disclosure.record", "disclosure", ids.get(0), head.orgPath(), AuditLog.summary("compoundId", in.compoundId(), "fund",
                in.fund(), "direction", in.direction(), "amount", in.amount(), "occurredOn", in.occurredOn().toString()));
        return ids;
    }

    @Transactional
    public List<UUID> correct(UUID id, DisclosureInputs.CorrectionInput in) {
        var original = db.one("select compound_id, fund, kind, direction, amount, occurred_on, summary from disclosure where id = ?",
                r -> new Object[] { Db.uuid(r, "compound_id"), Db.enumValue(r, "fund", DisclosureInputs.Fund.class), r.getString("kind"),
                        Db.enumValue(r, "direction", DisclosureInputs.Direction.class), r.getLong("amount"), Db.date(r, "occurred_on"),
                        r.getString("summary") }, id)
                .orElseThrow(() -> ProblemException.notFound("disclosure", id));
        if ("REVERSAL".equals(original[2])) {
            throw ProblemException.conflict("cannotCorrectReversal");
        }
        UUID compoundId = (UUID) original[0];
        DisclosureInputs.Fund fund = (DisclosureInputs.Fund) original[1];
        Head head = lockHead(compoundId, fund, false);
        caller.requireIn(caller.adminScope(), head.orgPath());
        if (db.count("select count(*) from disclosure where corrects_id = ? and kind = 'REVERSAL'", id) > 0) {
            throw ProblemException.conflict("alreadyCorrected");
        }
        DisclosureInputs.Direction direction = (DisclosureInputs.Direction) original[3];
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("REVERSAL", direction == DisclosureInputs.Direction.INCOME ? DisclosureInputs.Direction.EXPENSE
                : DisclosureInputs.Direction.INCOME, (Long) original[4], (LocalDate) original[5], "冲销: " + original[6], null, null, id,
                in.reason().trim()));
        DisclosureInputs.Replacement r = in.replacement();
        if (r != null) {
            entries.add(new Entry("REPLACEMENT", r.direction(), r.amount().movePointRight(2).longValueExact(), r.occurredOn(), r.summary().trim(),
                    trim(r.counterparty()), trim(r.voucherRef()), id, in.reason().trim()));
        }
        List<UUID> ids = append(compoundId, fund, head, in.recordedBy().trim(), entries);
        audit.record("disclosure.correct", "disclosure", id, head.orgPath(), AuditLog.summary("reversalId", ids.get(0), "replacementId",
                ids.size() > 1 ? ids.get(1) : null, "reason", in.reason().trim()));
        return ids;
    }

    /** Locks the ledger head; the first entry of a compound checks the compound with org-service and creates it. */
    private Head lockHead(UUID compoundId, DisclosureInputs.Fund fund, boolean createIfMissing) {
        var head = db.one("select compound_name, balance, last_seq, org_path from ledger where compound_id = ? and fund = ? for update",
                r -> new Head(r.getString(1), r.getLong(2), r.getLong(3), r.getString(4)), compoundId, fund);
        if (head.isPresent() || !createIfMissing) {
            return head.orElseThrow();
        }
        UnitSnapshot compound = orgUnits.require(compoundId, "compoundId", Set.of("COMPOUND"));
        db.update("insert into ledger (compound_id, fund, compound_name, org_path, balance, last_seq) values (?, ?, ?, ?, 0, 0)"
                + " on conflict do nothing", compoundId, fund, compound.name(), compound.orgPath());
        return db.one("select compound_name, balance, last_seq, org_path from ledger where compound_id = ? and fund = ? for update",
                r -> new Head(r.getString(1), r.getLong(2), r.getLong(3), r.getString(4)), compoundId, fund).orElseThrow();
    }

    private List<UUID> append(UUID compoundId, DisclosureInputs.Fund fund, Head head, String recordedBy, List<Entry> entries) {
        long balance = head.balance();
        long seq = head.lastSeq();
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>();
        for (Entry e : entries) {
            balance += e.direction() == DisclosureInputs.Direction.INCOME ? e.amount() : -e.amount();
            if (balance < 0) {
                throw ProblemException.conflictOnField("amount", "insufficientBalance", java.math.BigDecimal.valueOf(balance + e.amount(), 2));
            }
            seq++;
            UUID id = Ids.newId();
            db.update("insert into disclosure (id, compound_id, fund, seq, kind, direction, amount, balance_after, occurred_on, summary, counterparty,"
                    + " voucher_ref, corrects_id, reason, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                    compoundId, fund, seq, e.kind(), e.direction(), e.amount(), balance, e.occurredOn(), e.summary(), e.counterparty(), e.voucherRef(),
                    e.correctsId(), e.reason(), recordedBy, now);
            ids.add(id);
        }
        db.update("update ledger set balance = ?, last_seq = ? where compound_id = ? and fund = ?", balance, seq, compoundId, fund);
        return ids;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
