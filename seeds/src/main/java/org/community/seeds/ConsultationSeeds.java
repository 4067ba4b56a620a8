package org.community.seeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Topics with their meetings, consensus, resolution and owners' vote, and the fund disclosures of a community,
 * through consultation-service's API. A topic is moved forward stage by stage only as far as its file says.
 */
final class ConsultationSeeds {

    private static final List<String> PATH = List.of("PROPOSED", "JOINT_REVIEW", "PUBLIC_DELIBERATION", "RESOLUTION");
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    private final Api api;
    private final Progress progress;
    private final Summary summary;
    private final Map<String, String> units;
    private final int inFlight;

    ConsultationSeeds(Api api, Progress progress, Summary summary, Map<String, String> units, int inFlight) {
        this.api = api;
        this.progress = progress;
        this.summary = summary;
        this.units = units;
        this.inFlight = inFlight;
    }

    void load(Plan plan) {
        if (!plan.source.topics().isEmpty()) {
            Map<String, JsonNode> existing = new HashMap<>();
            api.each("/api/v1/topics", Map.of("within", units.get(plan.communityCode())), t -> existing.put(t.path("title").asText(), t));
            for (SeedData.TopicSpec spec : plan.source.topics()) {
                topic(plan, spec, existing.get(spec.title()));
            }
        }
        disclosures(plan);
    }

    private void topic(Plan plan, SeedData.TopicSpec spec, JsonNode found) {
        String scope = unit(spec.scope());
        JsonNode topic = found;
        if (topic == null) {
            ObjectNode body = Api.JSON.createObjectNode().put("title", spec.title()).put("description", spec.description())
                    .put("category", spec.category()).put("scopeUnitId", scope).put("proposer", spec.proposer());
            topic = api.post("/api/v1/topics", body, SeedLoader.idempotencyKey("topic", plan.communityCode() + "|" + spec.title()));
            summary.created("topics", 1);
        } else {
            summary.existing("topics", 1);
        }
        String id = topic.path("id").asText();
        meetings(plan, spec, id);
        boolean resolves = spec.consensus() != null && spec.resolution() != null;
        String target = resolves ? "PUBLIC_DELIBERATION" : spec.stage() == null ? "PUBLIC_DELIBERATION" : spec.stage();
        topic = moveTo(id, target, plan.communityName() + "党委", "社区治理委员会合议通过,提交居民群议");
        if (spec.vote() != null) {
            vote(plan, spec, id);
        }
        if (resolves) {
            if (topic.path("consensus").isMissingNode() || topic.path("consensus").isNull()) {
                if (PATH.indexOf(topic.path("stage").asText()) <= PATH.indexOf("PUBLIC_DELIBERATION")) {
                    ObjectNode body = Api.JSON.createObjectNode().put("summary", spec.consensus()).put("recordedBy", spec.resolution().createdBy());
                    api.post("/api/v1/topics/" + id + "/consensus", body, SeedLoader.idempotencyKey("consensus", id),
                            topic.path("version").asLong());
                    summary.created("consensus records", 1);
                }
            } else {
                summary.existing("consensus records", 1);
            }
            moveTo(id, "RESOLUTION", spec.resolution().createdBy(), "居民议事达成共识,形成决议");
            resolution(spec, id);
        }
    }

    /** Moves the topic along PROPOSED → JOINT_REVIEW → PUBLIC_DELIBERATION → RESOLUTION until it stands at {@code target}. */
    private JsonNode moveTo(String id, String target, String actor, String reason) {
        JsonNode topic = api.get("/api/v1/topics/" + id);
        while (PATH.indexOf(topic.path("stage").asText()) >= 0 && PATH.indexOf(topic.path("stage").asText()) < PATH.indexOf(target)) {
            String next = PATH.get(PATH.indexOf(topic.path("stage").asText()) + 1);
            ObjectNode body = Api.JSON.createObjectNode().put("to", next).put("actor", actor)
                    .put("reason", "JOINT_REVIEW".equals(next) ? "提议受理,提交社区治理委员会合议" : reason);
            api.post("/api/v1/topics/" + id + "/transitions", body, SeedLoader.idempotencyKey("transition", id + "|" + next),
                    topic.path("version").asLong());
            summary.created("topic stage moves", 1);
            topic = api.get("/api/v1/topics/" + id);
        }
        return topic;
    }

    private void meetings(Plan plan, SeedData.TopicSpec spec, String topicId) {
        SeedData.Meetings m = spec.meetings();
        if (m == null) {
            return;
        }
        Set<String> existing = new HashSet<>();
        api.each("/api/v1/meetings", Map.of("topicId", topicId), meeting -> existing.add(meeting.path("title").asText()));
        int every = m.everyDays() <= 0 ? 7 : m.everyDays();
        List<ObjectNode> missing = new ArrayList<>();
        for (int n = 1; n <= m.count(); n++) {
            String title = m.title().replace("{n}", String.valueOf(n));
            if (existing.contains(title)) {
                summary.existing("meetings", 1);
                continue;
            }
            OffsetDateTime starts = m.from().plusDays((long) every * (n - 1));
            ObjectNode body = Api.JSON.createObjectNode().put("title", title).put("format", m.formats().get((n - 1) % m.formats().size()))
                    .put("startsAt", starts.toString()).put("endsAt", starts.plusMinutes(90).toString()).put("place", m.place())
                    .put("convener", m.convener());
            body.putArray("topicIds").add(topicId);
            ArrayNode invited = body.putArray("invited");
            if (m.invited() != null) {
                m.invited().forEach(i -> invited.addObject().put("party", i.party()).put("name", i.name()));
            }
            missing.add(body);
        }
        Progress.Step step = progress.step(plan.communityName() + " meetings", missing.size());
        Parallel.each(missing, inFlight, body -> {
            api.post("/api/v1/meetings", body, SeedLoader.idempotencyKey("meeting", topicId + "|" + body.path("title").asText()));
            summary.created("meetings", 1);
        }, step);
        step.finish();
    }

    private void resolution(SeedData.TopicSpec spec, String topicId) {
        JsonNode answer = api.get("/api/v1/resolutions?topicId=" + topicId);
        JsonNode resolution = answer.path("items").size() > 0 ? answer.path("items").get(0) : null;
        SeedData.ResolutionSpec r = spec.resolution();
        if (resolution == null) {
            ObjectNode body = Api.JSON.createObjectNode().put("topicId", topicId).put("text", r.text()).put("basis", "CONSENSUS")
                    .put("responsibleParty", r.responsibleParty()).put("createdBy", r.createdBy());
            resolution = api.post("/api/v1/resolutions", body, SeedLoader.idempotencyKey("resolution", topicId));
            summary.created("resolutions", 1);
        } else {
            summary.existing("resolutions", 1);
        }
        if (r.publish() && "DRAFT".equals(resolution.path("status").asText())) {
            api.post("/api/v1/resolutions/" + resolution.path("id").asText() + "/publish",
                    Api.JSON.createObjectNode().put("publishedBy", r.createdBy()),
                    SeedLoader.idempotencyKey("publish", resolution.path("id").asText()), resolution.path("version").asLong());
            summary.created("resolutions published", 1);
        }
    }

    /**
     * An owners' vote on the households of one building: one elector per household (unit id
     * {@code <building no>-<entrance>-<room>}, owner = head of household, a floor area from the file's range), opened
     * now for {@code openDays}, with the file's share of owners having voted on paper.
     */
    private void vote(Plan plan, SeedData.TopicSpec spec, String topicId) {
        SeedData.VoteSpec v = spec.vote();
        Map<String, JsonNode> existing = new HashMap<>();
        api.each("/api/v1/votes", Map.of("topicId", topicId), vote -> existing.put(vote.path("title").asText(), vote));
        JsonNode vote = existing.get(v.title());
        List<ObjectNode> electors = electors(plan, spec);
        if (vote == null) {
            OffsetDateTime now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES);
            ObjectNode body = Api.JSON.createObjectNode().put("topicId", topicId).put("title", v.title()).put("question", v.question())
                    .put("matter", v.matter()).put("rule", v.rule()).put("building", v.building())
                    .put("opensAt", now.minusMinutes(1).toString()).put("closesAt", now.plusDays(v.openDays()).toString())
                    .put("createdBy", v.createdBy());
            body.putArray("electors").addAll(electors);
            vote = api.post("/api/v1/votes", body, SeedLoader.idempotencyKey("vote", topicId + "|" + v.title()));
            summary.created("votes", 1);
            summary.created("electors", electors.size());
        } else {
            summary.existing("votes", 1);
            summary.existing("electors", electors.size());
        }
        String voteId = vote.path("id").asText();
        if ("DRAFT".equals(vote.path("status").asText())) {
            vote = api.post("/api/v1/votes/" + voteId + "/open", Api.JSON.createObjectNode(), SeedLoader.idempotencyKey("open", voteId),
                    vote.path("version").asLong());
        }
        if (!"OPEN".equals(vote.path("status").asText())) {
            return; // closed or cancelled since: leave its ballots as they are
        }
        Set<String> voted = new HashSet<>();
        api.each("/api/v1/votes/" + voteId + "/ballots", Map.of(), b -> voted.add(b.path("ownerKey").asText()));
        Set<Integer> linked = new HashSet<>();
        v.accounts().forEach(a -> linked.add(a.index()));
        Random random = new Random(plan.source.seed() * 31 + "ballots".hashCode());
        int wanted = (int) Math.round(electors.size() * v.ballots());
        List<ObjectNode> ballots = new ArrayList<>();
        for (int i = 0, cast = 0; i < electors.size() && cast < wanted; i++) {
            int roll = random.nextInt(100);
            if (linked.contains(i + 1)) {
                continue; // the demo resident votes themself
            }
            cast++;
            String unitId = electors.get(i).path("unitId").asText();
            if (voted.contains("unit:" + unitId)) {
                summary.existing("ballots", 1);
                continue;
            }
            ballots.add(Api.JSON.createObjectNode().put("unitId", unitId).put("choice", roll < 86 ? "YES" : roll < 94 ? "NO" : "ABSTAIN")
                    .put("channel", "PAPER").put("evidenceRef", "纸质表决票 " + unitId).put("enteredBy", v.createdBy()));
        }
        Progress.Step step = progress.step(plan.communityName() + " ballots", ballots.size());
        Parallel.each(ballots, Math.min(inFlight, 4), ballot -> {
            api.post("/api/v1/votes/" + voteId + "/ballots", ballot,
                    SeedLoader.idempotencyKey("ballot", voteId + "|" + ballot.path("unitId").asText()));
            summary.created("ballots", 1);
        }, step);
        step.finish();
    }

    private List<ObjectNode> electors(Plan plan, SeedData.TopicSpec spec) {
        SeedData.VoteSpec v = spec.vote();
        Map<Integer, String> accounts = new HashMap<>();
        v.accounts().forEach(a -> accounts.put(a.index(), a.account()));
        String number = v.building().replaceAll("[^0-9]", "");
        Random random = new Random(plan.source.seed() * 31 + "electors".hashCode());
        int min = v.areas() == null ? 60 : v.areas().get(0);
        int max = v.areas() == null ? 140 : v.areas().get(1);
        List<ObjectNode> electors = new ArrayList<>();
        for (Plan.PlannedHousehold household : plan.households) {
            if (!household.buildingCode().equals(spec.scope())) {
                continue;
            }
            BigDecimal area = BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100 + 1), 2).setScale(2, RoundingMode.UNNECESSARY);
            ObjectNode elector = Api.JSON.createObjectNode().put("unitId", number + "-" + household.entrance() + "-" + household.room())
                    .put("ownerName", household.headName()).put("building", v.building()).put("entrance", household.entrance())
                    .put("areaM2", area);
            String account = accounts.get(electors.size() + 1);
            if (account != null) {
                elector.put("account", api.accountId(account));
            }
            electors.add(elector);
        }
        if (electors.isEmpty()) {
            throw new IllegalArgumentException(plan.communityCode() + ": the vote of '" + spec.title() + "' needs households in " + spec.scope());
        }
        return electors;
    }

    private void disclosures(Plan plan) {
        List<SeedData.Disclosure> entries = plan.source.disclosures();
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Set<String>> existing = new HashMap<>();
        Progress.Step step = progress.step(plan.communityName() + " fund disclosures", entries.size());
        for (SeedData.Disclosure entry : entries) {
            String compound = unit(entry.compound());
            Set<String> refs = existing.computeIfAbsent(compound + "|" + entry.fund(), key -> {
                Set<String> found = new HashSet<>();
                api.each("/api/v1/disclosures", Map.of("compoundId", compound, "fund", entry.fund()),
                        d -> found.add(d.path("voucherRef").asText()));
                return found;
            });
            if (refs.contains(entry.voucherRef())) {
                summary.existing("fund disclosures", 1);
            } else {
                ObjectNode body = Api.JSON.createObjectNode().put("compoundId", compound).put("fund", entry.fund())
                        .put("direction", entry.direction()).put("amount", entry.amount()).put("occurredOn", entry.occurredOn().toString())
                        .put("summary", entry.summary()).put("counterparty", entry.counterparty()).put("voucherRef", entry.voucherRef())
                        .put("recordedBy", entry.recordedBy());
                api.post("/api/v1/disclosures", body, SeedLoader.idempotencyKey("disclosure", compound + "|" + entry.voucherRef()));
                summary.created("fund disclosures", 1);
            }
            step.add(1);
        }
        step.finish();
    }

    private String unit(String code) {
        String id = units.get(code);
        if (id == null) {
            throw new IllegalArgumentException("no unit with code " + code + " in the seed data");
        }
        return id;
    }
}
