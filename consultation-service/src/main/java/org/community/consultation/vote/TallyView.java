package org.community.consultation.vote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Tally", description = "Every number the rule uses, the checks it makes and the outcome. While the vote is open this is "
        + "the live tally and `outcome` is what closing now would give; once closed it is the final result.")
public record TallyView(UUID voteId, VoteRule rule, VoteMatter matter, VoteStatus status,
        @Schema(description = "True once the vote is closed and the result fixed") boolean isFinal,
        @Schema(nullable = true) OffsetDateTime asOf,
        @Schema(description = "The whole roll") Figures electorate,
        @Schema(description = "Owners who cast a ballot, with their units and area") Figures participating,
        Figures yes, Figures no, Figures abstain,
        @Schema(description = "Ballots by channel") Ballots ballots,
        @Schema(nullable = true, description = "Each threshold of the rule: value compared with threshold × base") List<CheckView> checks,
        @Schema(nullable = true) VoteRule.Outcome outcome) {

    public record Figures(long owners, long units, BigDecimal areaM2) {
    }

    public record Ballots(long total, long online, long proxy, long paper) {
    }

    @Schema(name = "TallyCheck", example = "{\"name\":\"PARTICIPATION_AREA\",\"measure\":\"AREA_M2\",\"value\":6120.40,\"base\":8900.00,"
            + "\"comparison\":\">=\",\"threshold\":\"2/3\",\"share\":\"0.6877\",\"met\":true}")
    public record CheckView(
            @Schema(description = "PARTICIPATION_AREA, PARTICIPATION_OWNERS, APPROVAL_AREA, APPROVAL_OWNERS or APPROVAL_PARTICIPANTS") String name,
            @Schema(description = "AREA_M2 or OWNERS") String measure, @Schema(nullable = true) BigDecimal value, @Schema(nullable = true) BigDecimal base, String comparison,
            String threshold,
            @Schema(nullable = true, description = "value / base rounded to 4 places, for display only; `met` is decided exactly") String share,
            boolean met) {
    }

    static TallyView of(Vote v) {
        VoteRule.Decision decision = v.rule().decide(v.counts());
        List<CheckView> checks = decision.checks().stream().map(TallyView::check).toList();
        Figures participating = new Figures(v.yes().owners() + v.no().owners() + v.abstain().owners(),
                v.yes().units() + v.no().units() + v.abstain().units(),
                Areas.toSquareMetres(v.yes().area() + v.no().area() + v.abstain().area()));
        return new TallyView(v.id(), v.rule(), v.matter(), v.status(), v.status() == VoteStatus.CLOSED,
                Times.local(v.status() == VoteStatus.CLOSED ? v.closedAt() : Instant.now()),
                new Figures(v.totalOwners(), v.totalUnits(), Areas.toSquareMetres(v.totalArea())), participating, figures(v.yes()),
                figures(v.no()), figures(v.abstain()), new Ballots(v.ballots(), v.onlineBallots(), v.proxyBallots(), v.paperBallots()),
                checks, v.status() == VoteStatus.CLOSED && v.outcome() != null ? v.outcome() : decision.outcome());
    }

    private static Figures figures(Vote.Tally t) {
        return new Figures(t.owners(), t.units(), Areas.toSquareMetres(t.area()));
    }

    private static CheckView check(VoteRule.Check c) {
        boolean area = c.name().endsWith("AREA");
        BigDecimal value = area ? Areas.toSquareMetres(c.value()) : BigDecimal.valueOf(c.value());
        BigDecimal base = area ? Areas.toSquareMetres(c.base()) : BigDecimal.valueOf(c.base());
        String share = c.base() == 0 ? null
                : BigDecimal.valueOf(c.value()).divide(BigDecimal.valueOf(c.base()), 4, RoundingMode.HALF_UP).toPlainString();
        return new CheckView(c.name(), area ? "AREA_M2" : "OWNERS", value, base, c.comparison(),
                c.thresholdNumerator() + "/" + c.thresholdDenominator(), share, c.met());
    }
}
