package org.community.seeds;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Member education through org-service's API (/api/v1/education): a community's training program with its teacher pool,
 * venues, courses, sessions, enrolment, attendance (batch requests, one per session and venue), reminder talks; and a
 * secretaries' studio with its mentorships. Idempotent like the rest of the loader: everything is looked up by its
 * natural key (a teacher's name and affiliation or member, a program's name in its unit, a venue's name, a course's
 * title, a studio's name, a mentor/mentee pair); a closed program is complete and is not touched again.
 */
final class EducationSeeds {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final String[] ASPECTS = { "理论学习", "政策解读", "案例研讨", "现场教学", "经验交流", "实务操作" };
    private static final String[] TITLES = { "教授", "副教授", "讲师", "高级社会工作师" };

    private final Api api;
    private final Progress progress;
    private final Summary summary;
    private final Map<String, String> units;
    private final int inFlight;

    EducationSeeds(Api api, Progress progress, Summary summary, Map<String, String> units, int inFlight) {
        this.api = api;
        this.progress = progress;
        this.summary = summary;
        this.units = units;
        this.inFlight = inFlight;
    }

    void load(Plan plan) {
        SeedData.Education education = plan.source.education();
        if (education == null) {
            return;
        }
        if (education.program() != null) {
            program(plan, education.program());
        }
        if (education.studio() != null) {
            studio(plan, education.studio());
        }
    }

    /** A member as listed by org-service, with the code of their unit. */
    private record Trainee(String id, String name, String unitCode) {
    }

    /** The community's members in a stable order: by unit (in plan order), then name and id. */
    private List<Trainee> members(Plan plan) {
        Map<String, String> codeById = new HashMap<>();
        units.forEach((code, id) -> codeById.put(id, code));
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < plan.units.size(); i++) {
            order.put(plan.units.get(i).code(), i);
        }
        List<Trainee> members = new ArrayList<>();
        api.each("/api/v1/members", Map.of("within", units.get(plan.communityCode())), m -> members.add(new Trainee(m.path("id").asText(),
                m.path("name").asText(), codeById.get(m.path("unitId").asText()))));
        members.sort(Comparator.comparing((Trainee t) -> order.getOrDefault(t.unitCode(), -1)).thenComparing(Trainee::name)
                .thenComparing(Trainee::id));
        return members;
    }

    // ---- the program --------------------------------------------------------------------------------------------

    private void program(Plan plan, SeedData.ProgramSpec spec) {
        String community = units.get(plan.communityCode());
        List<Trainee> members = members(plan);
        List<String> teacherIds = teachers(plan, spec, community, members);

        JsonNode program = null;
        for (JsonNode p : api.get("/api/v1/education/programs?within=" + community + "&size=200").path("items")) {
            if (p.path("name").asText().equals(spec.name()) && p.path("unitId").asText().equals(community)) {
                program = p;
            }
        }
        if (program != null && program.path("status").asText().equals("CLOSED")) {
            summary.existing("education programs", 1);
            summary.existing("courses and sessions", program.path("sessions").asLong());
            return;
        }
        if (program == null) {
            ObjectNode body = Api.JSON.createObjectNode().put("unitId", community).put("name", spec.name())
                    .put("description", spec.description()).put("startsOn", spec.startsOn().toString()).put("endsOn", spec.endsOn().toString())
                    .put("requiredCredits", spec.requiredCredits());
            program = api.post("/api/v1/education/programs", body, SeedLoader.idempotencyKey("program", plan.communityCode() + "|" + spec.name()));
            summary.created("education programs", 1);
        } else {
            summary.existing("education programs", 1);
        }
        String programId = program.path("id").asText();

        Map<String, String> venues = venues(plan, programId);
        List<PlannedCourse> courses = plannedCourses(spec, teacherIds);
        Map<String, String> sessions = coursesAndSessions(plan, spec, programId, courses, venues);

        JsonNode enrolled = api.post("/api/v1/education/enrolments", Map.of("programId", programId, "unitId", community),
                SeedLoader.idempotencyKey("enrol", programId));
        summary.created("trainees enrolled", enrolled.path("enrolled").asLong());
        summary.existing("trainees enrolled", enrolled.path("alreadyEnrolled").asLong());
        if (api.get("/api/v1/education/programs/" + programId).path("status").asText().equals("PLANNED")) {
            api.post("/api/v1/education/programs/" + programId + "/transitions", Map.of("to", "OPEN"),
                    SeedLoader.idempotencyKey("program-open", programId));
        }
        attendance(plan, spec, courses, sessions, venues, members);
        reminderTalks(spec, programId);
        api.post("/api/v1/education/programs/" + programId + "/transitions", Map.of("to", "CLOSED"),
                SeedLoader.idempotencyKey("program-close", programId));
    }

    /** {@code externalTeachers} from the affiliations and {@code internalTeachers} among the members (every 12th). */
    private List<String> teachers(Plan plan, SeedData.ProgramSpec spec, String community, List<Trainee> members) {
        Map<String, String> existing = new HashMap<>();
        api.each("/api/v1/education/teachers", Map.of("within", community), t -> existing.put(t.path("kind").asText().equals("INTERNAL")
                ? t.path("memberId").asText() : t.path("name").asText() + "|" + t.path("affiliation").asText(), t.path("id").asText()));
        Random random = new Random(plan.source.seed() * 31 + 7);
        People.Distinct names = new People.Distinct();
        List<ObjectNode> wanted = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> themes = spec.themes();
        for (int i = 0; i < spec.externalTeachers(); i++) {
            String name = names.name(random);
            String affiliation = spec.affiliations().get(i % spec.affiliations().size());
            ObjectNode body = Api.JSON.createObjectNode().put("unitId", community).put("kind", "EXTERNAL").put("name", name)
                    .put("affiliation", affiliation).put("title", TITLES[i % TITLES.length]);
            body.putArray("specialties").add(themes.get(i % themes.size())).add(themes.get((i + 2) % themes.size()));
            wanted.add(body);
            keys.add(name + "|" + affiliation);
        }
        int step = Math.max(1, members.size() / Math.max(1, spec.internalTeachers()));
        for (int i = 0; i < spec.internalTeachers() && i * step < members.size(); i++) {
            Trainee member = members.get(i * step);
            ObjectNode body = Api.JSON.createObjectNode().put("unitId", community).put("kind", "INTERNAL").put("memberId", member.id());
            body.putArray("specialties").add(themes.get(i % themes.size()));
            wanted.add(body);
            keys.add(member.id());
        }
        List<String> ids = new ArrayList<>(java.util.Collections.nCopies(wanted.size(), (String) null));
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String id = existing.get(keys.get(i));
            if (id == null) {
                missing.add(i);
            } else {
                ids.set(i, id);
            }
        }
        summary.existing("teachers", wanted.size() - missing.size());
        Progress.Step step2 = progress.step(plan.communityName() + " teachers", missing.size());
        Parallel.each(missing, inFlight, i -> {
            JsonNode created = api.post("/api/v1/education/teachers", wanted.get(i), SeedLoader.idempotencyKey("teacher", keys.get(i)));
            synchronized (ids) {
                ids.set(i, created.path("id").asText());
            }
            summary.created("teachers", 1);
        }, step2);
        step2.finish();
        return ids;
    }

    /** Two classrooms of the community's school, a main classroom, and a sub-classroom hosted by each grid. */
    private Map<String, String> venues(Plan plan, String programId) {
        Map<String, String> existing = new HashMap<>();
        api.get("/api/v1/education/programs/" + programId + "/venues").forEach(v -> existing.put(v.path("name").asText(), v.path("id").asText()));
        Map<String, ObjectNode> wanted = new LinkedHashMap<>();
        wanted.put("社区治理学院 一号教室", venue("社区治理学院 一号教室", "CLASSROOM", null, 300));
        wanted.put("社区治理学院 二号教室", venue("社区治理学院 二号教室", "CLASSROOM", null, 300));
        wanted.put("党群服务中心 主课堂", venue("党群服务中心 主课堂", "MAIN_CLASSROOM", null, 200));
        for (Plan.PlannedUnit grid : plan.unitsOf("GRID")) {
            String name = grid.name() + " 分课堂";
            wanted.put(name, venue(name, "SUB_CLASSROOM", units.get(grid.code()), 100));
        }
        Map<String, String> ids = new HashMap<>();
        wanted.forEach((name, body) -> {
            if (existing.containsKey(name)) {
                ids.put(name, existing.get(name));
                summary.existing("venues", 1);
            } else {
                ids.put(name, api.post("/api/v1/education/programs/" + programId + "/venues", body,
                        SeedLoader.idempotencyKey("venue", programId + "|" + name)).path("id").asText());
                summary.created("venues", 1);
            }
        });
        return ids;
    }

    private static ObjectNode venue(String name, String kind, String hostUnitId, int capacity) {
        ObjectNode body = Api.JSON.createObjectNode().put("name", name).put("kind", kind).put("capacity", capacity);
        if (hostUnitId != null) {
            body.put("hostUnitId", hostUnitId);
        }
        return body;
    }

    private record PlannedCourse(int index, String title, String theme, String teacherId, boolean video, boolean practical) {
    }

    private static List<PlannedCourse> plannedCourses(SeedData.ProgramSpec spec, List<String> teacherIds) {
        List<PlannedCourse> courses = new ArrayList<>();
        for (int n = 0; n < spec.coursesPerTheme(); n++) {
            for (String theme : spec.themes()) {
                int i = courses.size();
                courses.add(new PlannedCourse(i, theme + "·" + ASPECTS[n % ASPECTS.length] + (n >= ASPECTS.length ? n + 1 : ""), theme,
                        teacherIds.get((i * 7) % teacherIds.size()), spec.videoEvery() > 0 && i % spec.videoEvery() == spec.videoEvery() - 1,
                        false));
            }
        }
        for (String practical : spec.practicals()) {
            int i = courses.size();
            courses.add(new PlannedCourse(i, practical, "实训", teacherIds.get((i * 7) % teacherIds.size()), false, true));
        }
        return courses;
    }

    /** Every course and its one session, every fourth day from the program's second week; answers session id per course title. */
    private Map<String, String> coursesAndSessions(Plan plan, SeedData.ProgramSpec spec, String programId, List<PlannedCourse> courses,
            Map<String, String> venues) {
        Map<String, String> courseIds = new HashMap<>();
        api.each("/api/v1/education/programs/" + programId + "/courses", Map.of(), c -> courseIds.put(c.path("title").asText(),
                c.path("id").asText()));
        Map<String, String> sessionByCourse = new HashMap<>();
        api.each("/api/v1/education/programs/" + programId + "/sessions", Map.of(), s -> sessionByCourse.put(s.path("courseId").asText(),
                s.path("id").asText()));
        Map<String, String> sessions = new java.util.concurrent.ConcurrentHashMap<>();
        Progress.Step step = progress.step(plan.communityName() + " courses and sessions", courses.size());
        Parallel.each(courses, inFlight, course -> {
            String courseId = courseIds.get(course.title());
            if (courseId == null) {
                ObjectNode body = Api.JSON.createObjectNode().put("title", course.title()).put("theme", course.theme())
                        .put("teacherId", course.teacherId()).put("hours", course.practical() ? 3 : 2).put("credits", course.practical() ? 3 : 2)
                        .put("format", course.video() ? "VIDEO" : "IN_PERSON");
                courseId = api.post("/api/v1/education/programs/" + programId + "/courses", body,
                        SeedLoader.idempotencyKey("course", programId + "|" + course.title())).path("id").asText();
            }
            String sessionId = sessionByCourse.get(courseId);
            if (sessionId == null) {
                LocalDate day = spec.startsOn().plusDays(8 + 4L * course.index());
                OffsetDateTime start = OffsetDateTime.of(day, course.index() % 2 == 0 ? LocalTime.of(9, 0) : LocalTime.of(14, 30), SHANGHAI);
                ObjectNode body = Api.JSON.createObjectNode().put("startsAt", start.toString())
                        .put("endsAt", start.plusHours(course.practical() ? 3 : 2).toString());
                var ids = body.putArray("venueIds");
                venueNames(course, venues).forEach(ids::add);
                sessionId = api.post("/api/v1/education/courses/" + courseId + "/sessions", body,
                        SeedLoader.idempotencyKey("session", courseId)).path("id").asText();
                summary.created("courses and sessions", 1);
            } else {
                summary.existing("courses and sessions", 1);
            }
            sessions.put(course.title(), sessionId);
        }, step);
        step.finish();
        return sessions;
    }

    /** The venue ids of a course's session: both classrooms, or the main classroom and every sub-classroom. */
    private static List<String> venueNames(PlannedCourse course, Map<String, String> venues) {
        List<String> ids = new ArrayList<>();
        venues.forEach((name, id) -> {
            boolean classroom = name.contains("教室");
            if (course.video() != classroom) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * Attendance in batches of one session and venue: each trainee at {@code attendance} of the sessions (a fixed random
     * draw), none of the quiet trainees in the quiet month; in person in either classroom, on video in their grid's
     * sub-classroom. org-service counts who was recorded already, so a rerun of an unfinished load adds only the rest.
     */
    private void attendance(Plan plan, SeedData.ProgramSpec spec, List<PlannedCourse> courses, Map<String, String> sessions,
            Map<String, String> venues, List<Trainee> members) {
        Random random = new Random(plan.source.seed() * 31 + 11);
        Set<String> quiet = new HashSet<>();
        for (int i = 0; i < spec.quietTrainees() && !members.isEmpty(); i++) {
            quiet.add(members.get((i * 83 + 5) % members.size()).id());
        }
        YearMonth quietMonth = spec.quietMonth() == null ? null : YearMonth.parse(spec.quietMonth());
        Map<String, String> gridSubClassroom = new HashMap<>();
        for (Plan.PlannedUnit grid : plan.unitsOf("GRID")) {
            gridSubClassroom.put(grid.code(), venues.get(grid.name() + " 分课堂"));
        }
        List<Map.Entry<String, Map<String, Object>>> batches = new ArrayList<>();
        for (PlannedCourse course : courses) {
            LocalDate day = spec.startsOn().plusDays(8 + 4L * course.index());
            Map<String, List<String>> byVenue = new LinkedHashMap<>();
            for (int m = 0; m < members.size(); m++) {
                Trainee member = members.get(m);
                boolean attends = random.nextDouble() < spec.attendance();
                if (!attends || (quiet.contains(member.id()) && YearMonth.from(day).equals(quietMonth))) {
                    continue;
                }
                String venue = course.video() ? gridSubClassroom.get(gridOf(member.unitCode()))
                        : venues.get(m % 2 == 0 ? "社区治理学院 一号教室" : "社区治理学院 二号教室");
                if (venue == null) {
                    venue = venues.get("党群服务中心 主课堂");
                }
                byVenue.computeIfAbsent(venue, v -> new ArrayList<>()).add(member.id());
            }
            String sessionId = sessions.get(course.title());
            byVenue.forEach((venue, ids) -> batches.add(Map.entry(sessionId, Map.of("venueId", venue, "memberIds", ids))));
        }
        Progress.Step step = progress.step(plan.communityName() + " attendance", batches.size());
        Parallel.each(batches, Math.min(inFlight, 4), batch -> {
            JsonNode answer = api.post("/api/v1/education/sessions/" + batch.getKey() + "/attendance/batch", batch.getValue(),
                    SeedLoader.idempotencyKey("attendance", batch.getKey() + "|" + batch.getValue().get("venueId")));
            summary.created("attendance (person-times)", answer.path("recorded").asLong());
            summary.existing("attendance (person-times)", answer.path("alreadyRecorded").asLong());
        }, step);
        step.finish();
    }

    /** {@code BHSJ-G3-C5} → {@code BHSJ-G3}: the grid a compound branch lies in. */
    private static String gridOf(String unitCode) {
        if (unitCode == null) {
            return "";
        }
        String[] parts = unitCode.split("-");
        return parts.length < 2 ? unitCode : parts[0] + "-" + parts[1];
    }

    /** The talks with the first trainees at the bottom of the quiet month's ranking. */
    private void reminderTalks(SeedData.ProgramSpec spec, String programId) {
        if (spec.quietMonth() == null || spec.reminderTalks() <= 0) {
            return;
        }
        JsonNode bottom = api.get("/api/v1/education/rankings/bottom?programId=" + programId + "&month=" + spec.quietMonth() + "&size=200");
        int talks = 0;
        LocalDate talkedOn = YearMonth.parse(spec.quietMonth()).plusMonths(1).atDay(5);
        for (JsonNode line : bottom.path("items")) {
            if (talks >= spec.reminderTalks()) {
                break;
            }
            talks++;
            if (line.path("reminderTalk").isObject()) {
                summary.existing("reminder talks", 1);
                continue;
            }
            ObjectNode body = Api.JSON.createObjectNode().put("programId", programId).put("memberId", line.path("memberId").asText())
                    .put("month", spec.quietMonth()).put("talkedBy", "社区党委书记").put("talkedOn", talkedOn.toString())
                    .put("notes", "本月未参加冬训春训学习。了解到因工作调整时间冲突,约定下月补学缺课课程,支部安排专人提醒。");
            api.post("/api/v1/education/reminder-talks", body, SeedLoader.idempotencyKey("talk", programId + "|" + line.path("memberId").asText()));
            summary.created("reminder talks", 1);
        }
    }

    // ---- the studio ---------------------------------------------------------------------------------------------

    private void studio(Plan plan, SeedData.StudioSpec spec) {
        String top = units.get(plan.communityCode());
        List<Trainee> members = members(plan);
        // the first member of each unit, in plan order: its secretary
        Map<String, Trainee> firstByUnit = new LinkedHashMap<>();
        members.forEach(m -> firstByUnit.putIfAbsent(m.unitCode(), m));
        List<Trainee> secretaries = new ArrayList<>();
        for (Plan.PlannedUnit unit : plan.units) {
            if (firstByUnit.containsKey(unit.code())) {
                secretaries.add(firstByUnit.get(unit.code()));
            }
        }
        if (secretaries.size() < spec.mentors() + spec.pairs()) {
            throw new IllegalStateException(plan.communityCode() + ": the studio needs " + (spec.mentors() + spec.pairs()) + " units with members");
        }
        String studioId = null;
        for (JsonNode s : api.get("/api/v1/education/studios?within=" + top + "&size=200").path("items")) {
            if (s.path("name").asText().equals(spec.name())) {
                studioId = s.path("id").asText();
            }
        }
        if (studioId == null) {
            ObjectNode body = Api.JSON.createObjectNode().put("unitId", top).put("name", spec.name()).put("leadMemberId", secretaries.get(0).id())
                    .put("foundedOn", spec.foundedOn().toString()).put("description", spec.description());
            studioId = api.post("/api/v1/education/studios", body, SeedLoader.idempotencyKey("studio", plan.communityCode() + "|" + spec.name()))
                    .path("id").asText();
            summary.created("studios", 1);
        } else {
            summary.existing("studios", 1);
        }
        Map<String, JsonNode> pairs = new HashMap<>();
        api.each("/api/v1/education/studios/" + studioId + "/mentorships", Map.of(), p -> pairs.put(p.path("mentor").path("memberId").asText()
                + "|" + p.path("mentee").path("memberId").asText(), p));
        List<Trainee> mentees = secretaries.subList(secretaries.size() - spec.pairs(), secretaries.size());
        for (int k = 0; k < mentees.size(); k++) {
            Trainee mentor = secretaries.get(k % spec.mentors());
            Trainee mentee = mentees.get(k);
            LocalDate started = spec.pairsFrom().plusDays(7L * k);
            JsonNode pair = pairs.get(mentor.id() + "|" + mentee.id());
            if (pair == null) {
                ObjectNode body = Api.JSON.createObjectNode().put("mentorMemberId", mentor.id()).put("menteeMemberId", mentee.id())
                        .put("startedOn", started.toString()).put("goals", String.join(";", spec.topics()));
                pair = api.post("/api/v1/education/studios/" + studioId + "/mentorships", body,
                        SeedLoader.idempotencyKey("mentorship", studioId + "|" + mentor.id() + "|" + mentee.id()));
                summary.created("mentorships", 1);
            } else {
                summary.existing("mentorships", 1);
            }
            String pairId = pair.path("id").asText();
            long done = pair.path("sessionCount").asLong();
            summary.existing("mentoring sessions", Math.min(done, spec.sessionsEach()));
            for (long j = done; j < spec.sessionsEach(); j++) {
                String topic = spec.topics().get((int) (j % spec.topics().size()));
                ObjectNode body = Api.JSON.createObjectNode().put("heldOn", started.plusMonths(j + 1).toString()).put("topic", topic)
                        .put("notes", "围绕“" + topic + "”结合" + mentee.name() + "所在居民区的实际问题带教研讨,布置下阶段实践任务。")
                        .put("hours", 2).put("progress", (int) ((j + 1) * 100 / (spec.sessionsEach() + 1)));
                api.post("/api/v1/education/studios/mentorships/" + pairId + "/sessions", body,
                        SeedLoader.idempotencyKey("mentoring", pairId + "|" + j));
                summary.created("mentoring sessions", 1);
            }
        }
    }
}
