package org.community.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Party dues of a community (its file's {@code dues} section): a base per member for each year the months touch, then
 * the months paid branch by branch, one batch per branch and month (org-service's {@code POST /api/v1/dues/payments/batch}).
 * A member's dues are read first: bases already set and months already paid are skipped, so a second run creates nothing.
 */
final class DuesSeeds {

    private final Api api;
    private final Progress progress;
    private final Summary summary;
    private final Map<String, String> units;
    private final int inFlight;

    DuesSeeds(Api api, Progress progress, Summary summary, Map<String, String> units, int inFlight) {
        this.api = api;
        this.progress = progress;
        this.summary = summary;
        this.units = units;
        this.inFlight = inFlight;
    }

    /** One member's dues as planned: the category and figures, and the last month they pay. */
    record PlannedDues(String memberId, String unitCode, String category, BigDecimal income, List<BigDecimal> quarter, YearMonth start,
            YearMonth lastPaid) {
    }

    void load(Plan plan) {
        SeedData.Dues spec = plan.source.dues();
        if (spec == null || plan.members.isEmpty()) {
            return;
        }
        Map<String, String> codeById = new HashMap<>();
        units.forEach((code, id) -> codeById.put(id, code));
        Map<String, String> idByKey = new HashMap<>();
        api.each("/api/v1/members", Map.of("within", units.get(plan.communityCode())), m -> idByKey.put(
                codeById.get(m.path("unitId").asText()) + "|" + m.path("name").asText() + "|" + m.path("birthDate").asText(), m.path("id").asText()));
        List<PlannedDues> planned = plan(plan, spec, idByKey);
        bases(plan, spec, planned);
        payments(plan, spec, planned);
    }

    /**
     * Categories drawn with the file's shares; salaried incomes 2,500–15,000 yuan, pensions 3,000–7,500 (some on either side of
     * the table's limits). Every {@code arrearsEvery}-th member stops paying one to three months before the end; the first
     * {@code longArrears} members after them stopped seven months before: six unpaid months and more, flagged for the branch.
     */
    static List<PlannedDues> plan(Plan plan, SeedData.Dues spec, Map<String, String> idByKey) {
        Random random = new Random(plan.source.seed() * 31 + "dues".hashCode());
        YearMonth last = spec.from().plusMonths(spec.months() - 1L);
        List<PlannedDues> result = new ArrayList<>();
        int longLeft = spec.longArrears();
        for (int i = 0; i < plan.members.size(); i++) {
            Plan.PlannedMember member = plan.members.get(i);
            String id = idByKey.get(member.key());
            if (id == null) {
                throw new IllegalStateException("member " + member.key() + " is missing before its dues");
            }
            String category = draw(random, spec.categories());
            BigDecimal income = switch (category) {
                case "SALARIED" -> yuan(250_000 + random.nextInt(1_250_000));
                case "RETIRED" -> yuan(300_000 + random.nextInt(450_000));
                default -> null;
            };
            List<BigDecimal> quarter = category.equals("NO_FIXED_INCOME")
                    ? List.of(yuan(200_000 + random.nextInt(600_000)), yuan(200_000 + random.nextInt(600_000)), yuan(200_000 + random.nextInt(600_000)))
                    : null;
            YearMonth admitted = YearMonth.from(member.admittedOn());
            YearMonth start = admitted.isAfter(spec.from()) ? admitted : spec.from();
            YearMonth lastPaid = last;
            if (spec.arrearsEvery() > 0 && i % spec.arrearsEvery() == spec.arrearsEvery() - 1) {
                lastPaid = last.minusMonths(1 + random.nextInt(3));
            } else if (longLeft > 0 && i % spec.arrearsEvery() == 0 && i > 0) {
                lastPaid = last.minusMonths(7);
                longLeft--;
            }
            result.add(new PlannedDues(id, member.unitCode(), category, income, quarter, start, lastPaid));
        }
        return result;
    }

    private void bases(Plan plan, SeedData.Dues spec, List<PlannedDues> planned) {
        YearMonth last = spec.from().plusMonths(spec.months() - 1L);
        List<Runnable> missing = new ArrayList<>();
        Map<String, List<Integer>> yearsSet = new ConcurrentHashMap<>();
        Progress.Step reading = progress.step(plan.communityName() + " dues bases (reading)", planned.size());
        Parallel.each(planned, inFlight, p -> {
            List<Integer> years = new ArrayList<>();
            for (JsonNode base : api.get("/api/v1/dues/members/" + p.memberId() + "/bases")) {
                years.add(base.path("year").asInt());
            }
            yearsSet.put(p.memberId(), years);
        }, reading);
        reading.finish();
        for (PlannedDues p : planned) {
            for (int year = p.start().getYear(); year <= last.getYear(); year++) {
                if (yearsSet.get(p.memberId()).contains(year)) {
                    summary.existing("dues bases", 1);
                    continue;
                }
                int y = year;
                missing.add(() -> {
                    ObjectNode body = Api.JSON.createObjectNode().put("memberId", p.memberId()).put("year", y).put("category", p.category());
                    if (y == p.start().getYear()) {
                        body.put("validFrom", p.start().toString());
                    }
                    if (p.income() != null) {
                        // the yearly review: incomes of the later year are 3 % higher
                        BigDecimal income = y == p.start().getYear() ? p.income()
                                : p.income().multiply(new BigDecimal("1.03")).setScale(2, java.math.RoundingMode.HALF_UP);
                        body.put("income", income.toPlainString());
                    }
                    if (p.quarter() != null) {
                        ArrayNode quarter = body.putArray("quarterIncomes");
                        p.quarter().forEach(q -> quarter.add(q.toPlainString()));
                    }
                    api.post("/api/v1/dues/bases", body, SeedLoader.idempotencyKey("dues-base", p.memberId() + "|" + y));
                    summary.created("dues bases", 1);
                });
            }
        }
        Progress.Step step = progress.step(plan.communityName() + " dues bases", missing.size());
        Parallel.each(missing, inFlight, Runnable::run, step);
        step.finish();
    }

    /** Month by month, one batch per branch: only the members whose first unpaid month it is and who pay it. */
    private void payments(Plan plan, SeedData.Dues spec, List<PlannedDues> planned) {
        Map<String, YearMonth> next = new ConcurrentHashMap<>();
        Progress.Step reading = progress.step(plan.communityName() + " dues (reading)", planned.size());
        Parallel.each(planned, inFlight, p -> next.put(p.memberId(),
                YearMonth.parse(api.get("/api/v1/dues/members/" + p.memberId()).path("nextMonth").asText())), reading);
        reading.finish();
        Map<String, List<PlannedDues>> byBranch = new TreeMap<>();
        long paidAlready = 0;
        for (PlannedDues p : planned) {
            byBranch.computeIfAbsent(p.unitCode(), code -> new ArrayList<>()).add(p);
            YearMonth first = next.get(p.memberId());
            paidAlready += Math.max(0, Math.min(p.lastPaid().plusMonths(1).getYear() * 12L + p.lastPaid().plusMonths(1).getMonthValue(),
                    first.getYear() * 12L + first.getMonthValue()) - (p.start().getYear() * 12L + p.start().getMonthValue()));
        }
        summary.existing("dues months paid", paidAlready);
        YearMonth current = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        Progress.Step step = progress.step(plan.communityName() + " dues payments (branch × month)", byBranch.size());
        Parallel.each(new ArrayList<>(byBranch.entrySet()), inFlight, branch -> {
            for (YearMonth month = spec.from(); month.isBefore(spec.from().plusMonths(spec.months())); month = month.plusMonths(1)) {
                ArrayNode items = Api.JSON.createArrayNode();
                for (PlannedDues p : branch.getValue()) {
                    if (month.equals(next.get(p.memberId())) && !month.isAfter(p.lastPaid())) {
                        ObjectNode item = items.addObject().put("memberId", p.memberId()).put("fromMonth", month.toString());
                        if (month.isBefore(current.minusMonths(6))) {
                            item.put("backPaymentReason", "系统启用前的交纳记录补录");
                        }
                    }
                }
                if (items.isEmpty()) {
                    continue;
                }
                LocalDate paidOn = month.atDay(5).isAfter(LocalDate.now()) ? LocalDate.now() : month.atDay(5);
                ObjectNode body = Api.JSON.createObjectNode().put("unitId", units.get(branch.getKey())).put("paidOn", paidOn.toString())
                        .put("method", "CASH");
                body.set("payments", items);
                JsonNode result = api.post("/api/v1/dues/payments/batch", body, SeedLoader.idempotencyKey("dues-batch", body.toString()));
                summary.created("dues months paid", result.path("count").asLong());
                for (JsonNode item : items) {
                    next.put(item.path("memberId").asText(), month.plusMonths(1));
                }
            }
        }, step);
        step.finish();
    }

    private static String draw(Random random, Map<String, Double> shares) {
        double roll = random.nextDouble();
        double sum = 0;
        String last = null;
        for (Map.Entry<String, Double> share : shares.entrySet()) {
            sum += share.getValue();
            last = share.getKey();
            if (roll < sum) {
                return last;
            }
        }
        return last;
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
