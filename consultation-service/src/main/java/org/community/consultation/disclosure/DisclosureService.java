package org.community.consultation.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.community.consultation.audit.AuditLog;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
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
        Ledger head = lockHead(in.compoundId(), in.fund(), true);
        caller.requireIn(caller.adminScope(), head.orgPath);
        long amount = in.amount().movePointRight(2).longValueExact();
        List<UUID> ids = append(head, in.recordedBy().trim(), List.of(new Entry(DisclosureEntry.ENTRY, in.direction(), amount,
                in.occurredOn(), in.summary().trim(), trim(in.counterparty()), trim(in.voucherRef()), null, null)));
        audit.record("disclosure.record", "disclosure", ids.get(0), head.orgPath, AuditLog.summary("compoundId", in.compoundId(), "fund",
                in.fund(), "direction", in.direction(), "amount", in.amount(), "occurredOn", in.occurredOn().toString()));
        return ids;
    }

    @Transactional
    public List<UUID> correct(UUID id, DisclosureInputs.CorrectionInput in) {
        DisclosureEntry original = DisclosureEntry.<DisclosureEntry>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("disclosure", id));
        if (DisclosureEntry.REVERSAL.equals(original.kind)) {
            throw ProblemException.conflict("cannotCorrectReversal");
        }
        Ledger head = lockHead(original.compoundId, original.fund, false);
        caller.requireIn(caller.adminScope(), head.orgPath);
        if (DisclosureEntry.count("correctsId = ?1 and kind = ?2", id, DisclosureEntry.REVERSAL) > 0) {
            throw ProblemException.conflict("alreadyCorrected");
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(DisclosureEntry.REVERSAL, original.direction == DisclosureInputs.Direction.INCOME
                ? DisclosureInputs.Direction.EXPENSE : DisclosureInputs.Direction.INCOME, original.amount, original.occurredOn,
                "冲销: " + original.summary, null, null, id, in.reason().trim()));
        DisclosureInputs.Replacement r = in.replacement();
        if (r != null) {
            entries.add(new Entry(DisclosureEntry.REPLACEMENT, r.direction(), r.amount().movePointRight(2).longValueExact(), r.occurredOn(),
                    r.summary().trim(), trim(r.counterparty()), trim(r.voucherRef()), id, in.reason().trim()));
        }
        List<UUID> ids = append(head, in.recordedBy().trim(), entries);
        audit.record("disclosure.correct", "disclosure", id, head.orgPath, AuditLog.summary("reversalId", ids.get(0), "replacementId",
                ids.size() > 1 ? ids.get(1) : null, "reason", in.reason().trim()));
        return ids;
    }

    /** Locks the ledger head; the first entry of a compound checks the compound with org-service and creates it. */
    private Ledger lockHead(UUID compoundId, DisclosureInputs.Fund fund, boolean createIfMissing) {
        Ledger.Key key = new Ledger.Key(compoundId, fund);
        Optional<Ledger> head = Ledger.<Ledger>findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE);
        if (head.isPresent() || !createIfMissing) {
            return head.orElseThrow();
        }
        UnitSnapshot compound = orgUnits.require(compoundId, "compoundId", Set.of("COMPOUND"));
        // deliberate SQL: two first entries of a compound may race to create its head; "on conflict do nothing" lets both go on
        // to the row lock below, where a persist() would fail one of them with a unique violation
        db.update("insert into ledger (compound_id, fund, compound_name, org_path, balance, last_seq) values (?, ?, ?, ?, 0, 0)"
                + " on conflict do nothing", compoundId, fund, compound.name(), compound.orgPath());
        return Ledger.<Ledger>findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
    }

    private List<UUID> append(Ledger head, String recordedBy, List<Entry> entries) {
        long balance = head.balance;
        long seq = head.lastSeq;
        List<UUID> ids = new ArrayList<>();
        for (Entry e : entries) {
            balance += e.direction() == DisclosureInputs.Direction.INCOME ? e.amount() : -e.amount();
            if (balance < 0) {
                throw ProblemException.conflictOnField("amount", "insufficientBalance", BigDecimal.valueOf(balance + e.amount(), 2));
            }
            seq++;
            DisclosureEntry entry = new DisclosureEntry();
            entry.compoundId = head.compoundId;
            entry.fund = head.fund;
            entry.seq = seq;
            entry.kind = e.kind();
            entry.direction = e.direction();
            entry.amount = e.amount();
            entry.balanceAfter = balance;
            entry.occurredOn = e.occurredOn();
            entry.summary = e.summary();
            entry.counterparty = e.counterparty();
            entry.voucherRef = e.voucherRef();
            entry.correctsId = e.correctsId();
            entry.reason = e.reason();
            entry.recordedBy = recordedBy;
            entry.recordedAt = clock.instant();
            entry.persist();
            ids.add(entry.id);
        }
        head.balance = balance;
        head.lastSeq = seq;
        head.flush();
        return ids;
    }

    // ---- reads ----

    public Optional<DisclosureView> entry(UUID id) {
        return DisclosureEntry.<DisclosureEntry>findByIdOptional(id).map(e -> views(List.of(e)).get(0));
    }

    /** A fund's entries in ledger order, occurred between {@code from} and {@code to} when given. */
    public PanacheQuery<DisclosureEntry> entries(UUID compoundId, DisclosureInputs.Fund fund, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>(List.of(compoundId, fund));
        StringBuilder hql = new StringBuilder("compoundId = ?1 and fund = ?2");
        if (from != null) {
            params.add(from);
            hql.append(" and occurredOn >= ?").append(params.size());
        }
        if (to != null) {
            params.add(to);
            hql.append(" and occurredOn <= ?").append(params.size());
        }
        return DisclosureEntry.find(hql.toString(), Sort.by("seq"), params.toArray());
    }

    /** The views of entries: with their compound's name, and whether a later reversal cancels them. */
    public List<DisclosureView> views(List<DisclosureEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<UUID> corrected = new HashSet<>(DisclosureEntry.getEntityManager()
                .createQuery("select correctsId from DisclosureEntry where kind = ?1 and correctsId in ?2", UUID.class)
                .setParameter(1, DisclosureEntry.REVERSAL).setParameter(2, entries.stream().map(e -> e.id).toList()).getResultList());
        Map<Ledger.Key, String> names = new HashMap<>();
        return entries.stream().map(e -> e.view(names.computeIfAbsent(new Ledger.Key(e.compoundId, e.fund),
                key -> Ledger.<Ledger>findById(key).compoundName), corrected.contains(e.id))).toList();
    }

    /** Each fund of a compound: its balance, and income and expense over all its entries (reversals included). */
    public List<DisclosureResource.Balance> balances(UUID compoundId) {
        Map<String, Long> sums = new HashMap<>();
        for (Object[] row : DisclosureEntry.getEntityManager().createQuery("select fund, direction, sum(amount) from DisclosureEntry"
                + " where compoundId = ?1 group by fund, direction", Object[].class).setParameter(1, compoundId).getResultList()) {
            sums.put(row[0] + "/" + row[1], (Long) row[2]);
        }
        return Ledger.<Ledger>list("compoundId = ?1 order by fund", compoundId).stream().map(l -> new DisclosureResource.Balance(l.compoundId,
                l.compoundName, l.fund, BigDecimal.valueOf(l.balance, 2),
                BigDecimal.valueOf(sums.getOrDefault(l.fund + "/" + DisclosureInputs.Direction.INCOME, 0L), 2),
                BigDecimal.valueOf(sums.getOrDefault(l.fund + "/" + DisclosureInputs.Direction.EXPENSE, 0L), 2), l.lastSeq)).toList();
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
