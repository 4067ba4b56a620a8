package org.community.org.education.ranking;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.org.education.EducationClock;
import org.community.org.education.EducationConfig;
import org.community.org.education.program.Program;
import org.community.org.education.program.ProgramRepository;
import org.community.conventions.http.PageRequest;
import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;

/** Applies the configured rule (org.education.ranking.*) to a month, and records reminder talks with the bottom of it. */
@ApplicationScoped
public class RankingService {

    @Inject
    RankingRepository rankings;

    @Inject
    ReminderTalks talks;

    @Inject
    ProgramRepository programs;

    @Inject
    MemberRepository members;

    @Inject
    EducationConfig config;

    @Inject
    EducationClock clock;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    /** {@code YYYY-MM}, or this month (of the education clock) when absent; 400 naming {@code field} when malformed. */
    public YearMonth month(String text, String field) {
        if (text == null || text.isBlank()) {
            return clock.month();
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeException e) {
            throw ProblemException.badField(field, "monthInvalid", text);
        }
    }

    /** The rule in force for a program with this many trainees. */
    public RankingViews.Rule rule(UUID programId, YearMonth month) {
        long trainees = rankings.countTrainees(programId);
        EducationConfig.Excellent excellent = config.ranking().excellent();
        EducationConfig.Bottom bottom = config.ranking().bottom();
        int top = excellent.topPercent().isPresent() ? places(trainees, excellent.topPercent().getAsInt()) : excellent.top();
        int last = bottom.percent().isPresent() ? places(trainees, bottom.percent().getAsInt()) : bottom.count();
        return new RankingViews.Rule(programId, month.toString(), trainees, top, excellent.minCredits(), last, bottom.maxCredits());
    }

    public RankingRepository.Cut cut(RankingViews.Rule rule) {
        return new RankingRepository.Cut(rule.excellentPlaces(), rule.excellentMinCredits(), rule.bottomPlaces(), rule.bottomMaxCredits());
    }

    /** X % of the trainees, rounded up, at least one place. */
    static int places(long trainees, int percent) {
        return (int) Math.max(1, (trainees * percent + 99) / 100);
    }

    @Transactional
    public RankingViews.ReminderTalk recordTalk(ReminderTalkInput input) {
        caller.require(Access.ADMIN);
        Program program = programs.find(input.programId()).orElseThrow(() -> ProblemException.invalidField("programId", "programUnknown",
                input.programId()));
        Member member = members.find(input.memberId()).orElseThrow(() -> ProblemException.invalidField("memberId", "memberUnknown",
                input.memberId()));
        // the program's staff, or the admins of the member's own branch
        if (!caller.sees(program.unitPath(), member.path())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "forbidden.scope");
        }
        YearMonth month = month(input.month(), "month");
        if (month.isAfter(clock.month())) {
            throw ProblemException.invalidField("month", "rankingMonthFuture", month);
        }
        if (input.talkedOn().isBefore(month.atDay(1))) {
            throw ProblemException.invalidField("talkedOn", "talkBeforeMonth", month);
        }
        RankingViews.Rule rule = rule(program.id(), month);
        boolean atBottom = rankings.lines(program.id(), month, cut(rule), null, member.id(), PageRequest.of(0, 1)).stream()
                .anyMatch(RankingViews.Line::bottom);
        if (!atBottom) {
            throw ProblemException.invalidField("memberId", "talkNotAtBottom", member.name(), month);
        }
        ReminderTalk talk = new ReminderTalk(input.programId(), input.memberId(), month.atDay(1), input.talkedBy().trim(), input.talkedOn(),
                input.notes().trim(), caller.name() == null ? caller.subject() : caller.name(), clock.now());
        if (!talks.insert(talk)) {
            throw ProblemException.conflictOnField("memberId", "talkExists", member.name(), month);
        }
        UUID id = talk.id();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("programId", program.id().toString());
        summary.put("memberId", member.id().toString());
        summary.put("month", month.toString());
        summary.put("talkedBy", input.talkedBy().trim());
        summary.put("talkedOn", input.talkedOn().toString());
        audit.record("reminderTalk.record", "reminderTalk", id, member.path(), summary);
        return talks.talks(program.id(), month, PageRequest.of(0, PageRequest.MAX_SIZE)).stream().filter(t -> t.id().equals(id))
                .findFirst().orElseThrow();
    }
}
