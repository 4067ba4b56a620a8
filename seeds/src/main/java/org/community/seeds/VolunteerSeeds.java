package org.community.seeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Volunteers, teams and partner organizations of a community, through volunteer-service's API. */
final class VolunteerSeeds {

    /** Registrations per bulk request (volunteer-service takes at most 500). */
    static final int BATCH = 500;
    /** Bulk requests in flight: each is one transaction in volunteer-service; more only queue on its two cores. */
    static final int BATCHES_IN_FLIGHT = 4;

    private final Api api;
    private final Progress progress;
    private final Summary summary;
    private final Map<String, String> units;
    private final int inFlight;

    VolunteerSeeds(Api api, Progress progress, Summary summary, Map<String, String> units, int inFlight) {
        this.api = api;
        this.progress = progress;
        this.summary = summary;
        this.units = units;
        this.inFlight = inFlight;
    }

    void load(Plan plan) {
        Map<Integer, String> volunteerIds = volunteers(plan);
        teams(plan, volunteerIds);
        partners(plan);
    }

    /**
     * Lists the community's volunteers once and registers the missing ones with volunteer-service's bulk registration,
     * {@value #BATCH} a request and at most {@value #BATCHES_IN_FLIGHT} requests in flight. A volunteer is known by the
     * phone (shown masked to some callers: the generated phones differ in their masked form too).
     */
    private Map<Integer, String> volunteers(Plan plan) {
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        if (plan.volunteers.isEmpty()) {
            return ids;
        }
        String community = units.get(plan.communityCode());
        Map<String, String> byPhone = new HashMap<>();
        api.each("/api/v1/volunteers", Map.of("orgUnitId", community), v -> byPhone.put(v.path("phone").asText(), v.path("id").asText()));
        List<Plan.PlannedVolunteer> missing = new ArrayList<>();
        for (Plan.PlannedVolunteer volunteer : plan.volunteers) {
            String id = byPhone.getOrDefault(volunteer.phone(), byPhone.get(People.masked(volunteer.phone())));
            if (id != null) {
                ids.put(volunteer.index(), id);
            } else {
                missing.add(volunteer);
            }
        }
        summary.existing("volunteers", plan.volunteers.size() - missing.size());
        Progress.Step step = progress.step(plan.communityName() + " volunteers", missing.size());
        Parallel.each(batches(missing), Math.min(inFlight, BATCHES_IN_FLIGHT), batch -> {
            ObjectNode body = Api.JSON.createObjectNode();
            ArrayNode items = body.putArray("volunteers");
            batch.forEach(volunteer -> items.add(registration(volunteer)));
            // derived from the content: a retried request replays; a later run with other missing volunteers has other batches
            JsonNode created = api.post("/api/v1/volunteers/batch", body, SeedLoader.idempotencyKey("volunteer-batch", body.toString()));
            JsonNode createdIds = created.path("ids");
            if (createdIds.size() != batch.size()) {
                throw new IllegalStateException("volunteer-service registered " + createdIds.size() + " of a batch of " + batch.size());
            }
            for (int i = 0; i < batch.size(); i++) {
                ids.put(batch.get(i).index(), createdIds.get(i).asText());
            }
            summary.created("volunteers", batch.size());
            step.add(batch.size());
        }, null);
        step.finish();
        return ids;
    }

    /**
     * The missing volunteers in batches of {@value #BATCH}, grouped by unit first (the plan spreads them round-robin over
     * the buildings): volunteer-service asks org-service about each distinct unit of a batch, so a batch of a few units
     * costs a few lookups instead of one per building of the community.
     */
    static List<List<Plan.PlannedVolunteer>> batches(List<Plan.PlannedVolunteer> volunteers) {
        List<Plan.PlannedVolunteer> sorted = new ArrayList<>(volunteers);
        sorted.sort(Comparator.comparing(Plan.PlannedVolunteer::unitCode).thenComparingInt(Plan.PlannedVolunteer::index));
        List<List<Plan.PlannedVolunteer>> batches = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += BATCH) {
            batches.add(List.copyOf(sorted.subList(from, Math.min(sorted.size(), from + BATCH))));
        }
        return batches;
    }

    /** One registration of POST /api/v1/volunteers(/batch), with the demo account where the plan links one. */
    private ObjectNode registration(Plan.PlannedVolunteer volunteer) {
        ObjectNode body = Api.JSON.createObjectNode().put("name", volunteer.name()).put("phone", volunteer.phone())
                .put("idNumber", volunteer.idNumber()).put("gender", volunteer.female() ? "FEMALE" : "MALE")
                .put("availability", volunteer.availability()).put("orgUnitId", units.get(volunteer.unitCode()));
        volunteer.skills().forEach(body.putArray("skills")::add);
        if (volunteer.account() != null) {
            body.put("account", api.accountId(volunteer.account()));
        }
        return body;
    }

    private void teams(Plan plan, Map<Integer, String> volunteerIds) {
        if (plan.teams.isEmpty()) {
            return;
        }
        Map<String, String> existing = new HashMap<>();
        api.each("/api/v1/teams", Map.of("orgUnitId", units.get(plan.communityCode())),
                t -> existing.put(t.path("name").asText(), t.path("id").asText()));
        Progress.Step step = progress.step(plan.communityName() + " teams", plan.teams.size());
        Parallel.each(plan.teams, inFlight, team -> {
            String id = existing.get(team.name());
            Set<String> members = new HashSet<>();
            if (id != null) {
                summary.existing("teams", 1);
                api.each("/api/v1/teams/" + id + "/members", Map.of(), m -> members.add(m.path("volunteerId").asText()));
            } else {
                ObjectNode body = Api.JSON.createObjectNode().put("name", team.name()).put("orgUnitId", units.get(team.unitCode()))
                        .put("category", team.category()).put("description", team.description())
                        .put("leaderId", volunteer(volunteerIds, team.leaderIndex()));
                body.putArray("deputyIds");
                id = api.post("/api/v1/teams", body, SeedLoader.idempotencyKey("team", plan.communityCode() + "|" + team.name()))
                        .path("id").asText();
                summary.created("teams", 1);
            }
            boolean first = true;
            for (int index : team.memberIndexes()) {
                String volunteerId = volunteer(volunteerIds, index);
                if (members.contains(volunteerId)) {
                    summary.existing("team members", 1);
                } else {
                    ObjectNode body = Api.JSON.createObjectNode().put("volunteerId", volunteerId).put("role", first ? "DEPUTY" : "MEMBER");
                    api.post("/api/v1/teams/" + id + "/members", body,
                            SeedLoader.idempotencyKey("team-member", plan.communityCode() + "|" + team.name() + "|" + index));
                    summary.created("team members", 1);
                }
                first = false;
            }
        }, step);
        step.finish();
    }

    private static String volunteer(Map<Integer, String> ids, int index) {
        String id = ids.get(index);
        if (id == null) {
            throw new IllegalStateException("volunteer #" + index + " of the plan has no id");
        }
        return id;
    }

    private void partners(Plan plan) {
        if (plan.partnerNames.isEmpty()) {
            return;
        }
        String community = units.get(plan.communityCode());
        Set<String> existing = ConcurrentHashMap.newKeySet();
        api.each("/api/v1/partners", Map.of("orgUnitId", community), p -> existing.add(p.path("name").asText()));
        List<String> missing = plan.partnerNames.stream().filter(name -> !existing.contains(name)).toList();
        summary.existing("partners", plan.partnerNames.size() - missing.size());
        SeedData.Partners spec = plan.source.partners();
        Progress.Step step = progress.step(plan.communityName() + " partners", missing.size());
        Parallel.each(missing, inFlight, name -> {
            ObjectNode body = Api.JSON.createObjectNode().put("name", name).put("kind", spec.kind()).put("orgUnitId", community)
                    .put("description", spec.description());
            api.post("/api/v1/partners", body, SeedLoader.idempotencyKey("partner", plan.communityCode() + "|" + name));
            summary.created("partners", 1);
        }, step);
        step.finish();
    }
}
