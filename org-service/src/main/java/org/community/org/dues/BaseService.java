package org.community.org.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.http.Preconditions;
import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.tree.Paths;

/**
 * Dues bases and excuses. Setting a member's first base opens their account from its first month (for a probationary
 * member no earlier than the month of admission); every base change adds the difference of the member's schedule
 * (liable months and amounts) to the counters of their unit's chain.
 */
@ApplicationScoped
public class BaseService {

    @Inject
    DuesRepository dues;

    @Inject
    MemberRepository members;

    @Inject
    DuesRollups rollups;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    DuesCalendar calendar;

    /** The figures of a base: the income base, the rate and the monthly amount, in fen. */
    record Computed(Long incomeFen, long[] quarterFen, Integer rateBp, long monthlyFen) {
    }

    @Transactional
    public Base set(BaseInput input) {
        Member member = lockMember(input.memberId(), false);
        Base created = write(member, input.year(), input.figures(), null);
        audit.record("dues.base.set", "duesBase", created.id(), member.path(), Map.of("memberId", member.id().toString(), "year", input.year(),
                "category", input.category(), "validFrom", created.validFrom().toString(), "monthly", Money.yuan(created.monthlyFen())));
        return created;
    }

    @Transactional
    public Base correct(UUID memberId, int year, BaseFigures figures, String ifMatch) {
        Member member = lockMember(memberId, true);
        Base current = dues.current(memberId, year).orElseThrow(() -> ProblemException.notFound("duesBase", memberId + "/" + year));
        Preconditions.requireMatch(ifMatch, current.version());
        Base corrected = write(member, year, figures, current);
        audit.record("dues.base.correct", "duesBase", corrected.id(), member.path(), Map.of("memberId", memberId.toString(), "year", year,
                "replaces", current.id().toString(), "category", figures.category(), "validFrom", corrected.validFrom().toString(),
                "monthly", Money.yuan(corrected.monthlyFen())));
        return corrected;
    }

    @Transactional
    public DuesViews.Excuse excuse(UUID memberId, ExcuseInput input) {
        Member member = lockMember(memberId, true);
        if (input.untilMonth() != null && input.untilMonth().isBefore(input.fromMonth())) {
            throw ProblemException.badField("untilMonth", "duesUntilBeforeFrom");
        }
        DuesViews.Excuse excuse = dues.insertExcuse(new Excuse(memberId, input.fromMonth(), input.untilMonth(), input.reason().trim(),
                caller.subject(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
        audit.record("dues.excuse", "member", memberId, member.path(), input);
        return excuse;
    }

    /** A member the caller administers; unknown or outside the scope: 404 for an id in the path, 422 naming the body's field. */
    private Member lockMember(UUID memberId, boolean inPath) {
        caller.require(Access.ADMIN);
        Member member = members.lockForUpdate(memberId).filter(found -> caller.sees(found.path()))
                .orElseThrow(() -> inPath ? ProblemException.notFound("member", memberId)
                        : ProblemException.invalidField("memberId", "memberUnknown", memberId));
        caller.requireIn(Access.ADMIN, member.path());
        if (!member.status().isPartyMember()) {
            throw ProblemException.conflictOnField("memberId", "duesNotMember", member.name(), member.status());
        }
        return member;
    }

    /** Writes a new current base for the year (superseding {@code replaced} when correcting) and keeps the counters. */
    private Base write(Member member, int year, BaseFigures figures, Base replaced) {
        Computed computed = compute(figures);
        YearMonth admitted = YearMonth.from(member.admittedOn());
        YearMonth validFrom = figures.validFrom() != null ? figures.validFrom()
                : replaced != null ? replaced.validFrom() : admitted.getYear() == year && admitted.getMonthValue() > 1 ? admitted : YearMonth.of(year, 1);
        if (validFrom.getYear() != year) {
            throw ProblemException.invalidField(figures.validFrom() == null ? "year" : "validFrom", "duesValidFromYear", String.valueOf(year));
        }
        if (validFrom.isBefore(admitted)) {
            throw ProblemException.invalidField(figures.validFrom() == null ? "year" : "validFrom", "duesBeforeAdmission", admitted);
        }
        if (year > calendar.currentMonth().getYear() + 1) {
            throw ProblemException.invalidField("year", "duesYearAhead");
        }
        Account account = dues.lockAccount(member.id()).orElse(null);
        List<Base> before = dues.currentBases(member.id());
        List<Base> after = new ArrayList<>(before);
        if (replaced != null) {
            after.removeIf(b -> b.id().equals(replaced.id()));
        }
        Instant now = Instant.now();
        Base base = new Base(member.id(), year, validFrom, figures.category(), computed, trim(figures.note()), caller.subject(),
                replaced == null ? 1 : replaced.version() + 1, now);
        after.add(base);
        YearMonth start = after.stream().map(Base::validFrom).min(YearMonth::compareTo).orElseThrow();
        boolean paid = account != null && !account.nextMonth().equals(account.startMonth());
        if (paid && !start.equals(account.startMonth())) {
            // months are paid from the account's first month on: the first base must keep starting there
            throw ProblemException.conflictOnField(figures.validFrom() == null ? "year" : "validFrom", "duesBaseBeforePaid", account.startMonth());
        }
        if (replaced != null) {
            replaced.supersede(now);
        }
        if (dues.hasCurrent(member.id(), year) || !dues.insert(base)) {
            throw ProblemException.conflictOnField("year", "duesBaseExists", member.name(), String.valueOf(year));
        }
        if (replaced != null) {
            replaced.supersededBy(base);
        }
        MonthFigures beforeSchedule = account == null ? new MonthFigures() : Schedule.of(before, account.unitSince(), account.closedAfter());
        Account changed = account;
        if (account == null) {
            changed = new Account(member.id(), start, now);
            dues.insertAccount(changed);
        } else if (paid) {
            account.touch(now);
        } else {
            account.restart(start, now);
        }
        // the counters are deliberate SQL on dues_rollup: the entities are written first
        dues.flush();
        MonthFigures change = Schedule.of(after, changed.unitSince(), changed.closedAfter()).minus(beforeSchedule);
        rollups.apply(Paths.keys(member.path()), change);
        return base;
    }

    /** The table of 中组发〔2008〕3号 applied to the figures given; each wrong or missing figure names its field. */
    static Computed compute(BaseFigures f) {
        DuesCategory category = f.category();
        if (category != DuesCategory.SALARIED && category != DuesCategory.RETIRED && f.income() != null) {
            throw ProblemException.badField("income", "duesFieldNotForCategory", category);
        }
        if (category != DuesCategory.NO_FIXED_INCOME && f.quarterIncomes() != null) {
            throw ProblemException.badField("quarterIncomes", "duesFieldNotForCategory", category);
        }
        if (category != DuesCategory.FARMER && f.fixedAmount() != null) {
            throw ProblemException.badField("fixedAmount", "duesFieldNotForCategory", category);
        }
        switch (category) {
            case SALARIED, RETIRED -> {
                if (f.income() == null) {
                    throw ProblemException.badField("income", "duesIncomeRequired", category);
                }
                long base = Money.fen(f.income());
                int rate = DuesRules.rateBp(category, base);
                return new Computed(base, null, rate, DuesRules.monthlyFen(base, rate));
            }
            case NO_FIXED_INCOME -> {
                if (f.quarterIncomes() == null) {
                    throw ProblemException.badField("quarterIncomes", "duesQuarterRequired");
                }
                long[] quarter = f.quarterIncomes().stream().mapToLong(Money::fen).toArray();
                long base = DuesRules.quarterAverageFen(quarter[0], quarter[1], quarter[2]);
                int rate = DuesRules.rateBp(category, base);
                return new Computed(base, quarter, rate, DuesRules.monthlyFen(base, rate));
            }
            case FARMER -> {
                if (f.fixedAmount() == null) {
                    throw ProblemException.badField("fixedAmount", "duesFarmerAmount");
                }
                long fen = Money.fen(f.fixedAmount());
                if (fen < DuesRules.FARMER_MIN_FEN || fen > DuesRules.FARMER_MAX_FEN) {
                    throw ProblemException.badField("fixedAmount", "duesFarmerAmount");
                }
                return new Computed(null, null, null, fen);
            }
            default -> {
                return new Computed(null, null, null, DuesRules.FIXED_FEN);
            }
        }
    }

    /** A base as this caller may see it: the income figures only for the admin roles of the member's scope. */
    static DuesViews.BaseView view(Base b, boolean showIncome) {
        List<String> quarter = b.quarterFen() == null || !showIncome ? null
                : java.util.Arrays.stream(b.quarterFen()).mapToObj(fen -> Money.yuan(fen).toPlainString()).toList();
        return new DuesViews.BaseView(b.id(), b.memberId(), b.year(), b.validFrom(), b.category(), showIncome ? Money.yuan(b.incomeFen()) : null,
                quarter, showIncome && b.rateBp() != null ? BigDecimal.valueOf(b.rateBp(), 2).setScale(1, java.math.RoundingMode.UNNECESSARY) : null,
                Money.yuan(b.monthlyFen()), showIncome, b.note(), b.setBy(), b.supersededAt() == null, b.version(),
                org.community.conventions.http.Times.local(b.createdAt()), org.community.conventions.http.Times.local(b.supersededAt()));
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
