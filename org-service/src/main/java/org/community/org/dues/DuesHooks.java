package org.community.org.dues;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.org.member.Member;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.Paths;

/**
 * What other writes mean for dues, called inside their transactions: a transfer moves the member's unpaid and future
 * months to the receiving unit (it continues from the month after the paid-up one), an exit ends what is owed after
 * the paid-up month, a unit move carries its subtree's counters to the new ancestors.
 */
@ApplicationScoped
public class DuesHooks {

    @Inject
    DuesRepository dues;

    @Inject
    DuesRollups rollups;

    /** A locked member moves to another unit (an accepted internal transfer). */
    public void memberMoved(Member member, OrgUnit to) {
        Account account = dues.lockAccount(member.id()).orElse(null);
        if (account == null || !account.open()) {
            return;
        }
        List<Base> bases = dues.currentBases(member.id());
        MonthFigures origin = Schedule.of(bases, account.unitSince(), account.nextMonth().minusMonths(1))
                .minus(Schedule.of(bases, account.unitSince(), null));
        RollupChange change = new RollupChange().addChain(Paths.keys(member.path()), origin)
                .addChain(Paths.keys(to.path()), Schedule.of(bases, account.nextMonth(), null));
        account.moveLiability(Instant.now());
        // the counters are deliberate SQL on dues_rollup: the account is written first
        dues.flush();
        rollups.apply(change);
    }

    /** A locked member leaves (deceased, removed, transferred out of the system): nothing is owed after the paid-up month. */
    public void memberLeft(Member member) {
        Account account = dues.lockAccount(member.id()).orElse(null);
        if (account == null || !account.open()) {
            return;
        }
        List<Base> bases = dues.currentBases(member.id());
        var closed = account.nextMonth().minusMonths(1);
        MonthFigures change = Schedule.of(bases, account.unitSince(), closed).minus(Schedule.of(bases, account.unitSince(), null));
        account.close(closed, Instant.now());
        // the counters are deliberate SQL on dues_rollup: the account is written first
        dues.flush();
        rollups.apply(Paths.keys(member.path()), change);
    }

    /** A unit moved under a new parent: its subtree's dues counters leave the old ancestors and join the new ones. */
    public void unitMoved(long unitKey, long[] oldAncestors, long[] newAncestors) {
        rollups.move(unitKey, oldAncestors, newAncestors);
    }

    /** The month dues are paid up to, for the transfer letter; null without an account or payment. */
    public java.time.YearMonth paidThrough(java.util.UUID memberId) {
        return dues.account(memberId).map(Account::paidThrough).orElse(null);
    }

    public boolean hasAccount(java.util.UUID memberId) {
        return dues.account(memberId).isPresent();
    }
}
