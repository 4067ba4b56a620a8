package org.community.consultation.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.http.Times;
import org.community.consultation.audit.AuditLog;
import org.community.conventions.problem.ProblemException;
import org.community.consultation.security.Caller;
import org.community.consultation.security.Scope;
import org.community.consultation.topic.Topic;
import org.community.consultation.topic.TopicAccess;
import org.community.consultation.topic.TopicRepository;

/**
 * Meetings: scheduling on topics, registration and attendance, minutes with opinions per party, follow-ups.
 * Meetings are not public: admin roles and grid workers read them inside their scope (a meeting elsewhere is a 404);
 * grid workers register people and record attendance there; everything else is for admin roles.
 */
@ApplicationScoped
public class MeetingService {

    record Row(UUID id, String title, MeetingFormat format, Instant startsAt, Instant endsAt, String place, String convener, String orgPath,
            String status, String minutes, String minutesBy, Instant heldAt, long version, Instant createdAt) {
    }

    private static final String SELECT = "select id, title, format, starts_at, ends_at, place, convener, org_path, status, minutes,"
            + " minutes_by, held_at, version, created_at from meeting ";

    @Inject
    Db db;

    /** "Now" for the records written here, on the same clock as the deadlines (tests move it). */
    @Inject
    Clock clock;

    @Inject
    TopicRepository topics;

    @Inject
    TopicAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    private static Row map(java.sql.ResultSet r) throws java.sql.SQLException {
        return new Row(Db.uuid(r, "id"), r.getString("title"), Db.enumValue(r, "format", MeetingFormat.class), Db.instant(r, "starts_at"),
                Db.instant(r, "ends_at"), r.getString("place"), r.getString("convener"), r.getString("org_path"), r.getString("status"),
                r.getString("minutes"), r.getString("minutes_by"), Db.instant(r, "held_at"), r.getLong("version"), Db.instant(r, "created_at"));
    }

    public Optional<Row> find(UUID id) {
        return db.one(SELECT + "where id = ?", MeetingService::map, id);
    }

    /** The meeting if the caller may read it (inside their read scope). */
    public Optional<Row> readable(UUID id) {
        return find(id).filter(m -> caller.readScope().contains(m.orgPath()));
    }

    /** Locks a meeting about to change: 404 when the caller may not read it, 403 when {@code scope} does not hold it. */
    private Row lock(UUID id, Scope scope) {
        Row m = db.one(SELECT + "where id = ? for update", MeetingService::map, id)
                .filter(r -> caller.readScope().contains(r.orgPath())).orElseThrow(() -> ProblemException.notFound("meeting", id));
        caller.requireIn(scope, m.orgPath());
        return m;
    }

    @Transactional
    public Row create(MeetingInputs.MeetingInput in) {
        if (in.endsAt() != null && !in.endsAt().isAfter(in.startsAt())) {
            throw ProblemException.badField("endsAt", "endsBeforeStarts");
        }
        List<Topic> found = new ArrayList<>();
        for (int i = 0; i < in.topicIds().size(); i++) {
            UUID topicId = in.topicIds().get(i);
            Topic topic = topics.share(topicId).orElseThrow(() -> ProblemException.invalidField("topicIds", "topicUnknown", topicId));
            access.requireAdminOfNamed(topic, "topicIds");
            if (topic.stage().isFinal()) {
                throw ProblemException.conflictOnField("topicIds", "meetingTopicFinal", topic.title(), topic.stage());
            }
            found.add(topic);
        }
        UUID id = Ids.newId();
        Instant now = clock.instant();
        // the meeting belongs where its topics meet: the longest common prefix of their org paths
        String path = found.get(0).orgPath();
        for (Topic t : found) {
            while (!t.orgPath().startsWith(path)) {
                path = path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
            }
        }
        caller.requireIn(caller.adminScope(), path);
        db.update("insert into meeting (id, title, format, starts_at, ends_at, place, convener, org_path, status, version, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', 1, ?)", id, in.title().trim(), in.format(), in.startsAt().toInstant(),
                in.endsAt() == null ? null : in.endsAt().toInstant(), in.place().trim(), in.convener().trim(), path, now);
        for (Topic t : found) {
            db.update("insert into meeting_topic (meeting_id, topic_id) values (?, ?) on conflict do nothing", id, t.id());
        }
        if (in.invited() != null) {
            for (MeetingInputs.Invitee invitee : in.invited()) {
                db.update("insert into meeting_party (meeting_id, party, name) values (?, ?, ?) on conflict do nothing", id, invitee.party(),
                        invitee.name().trim());
            }
        }
        audit.record("meeting.create", "meeting", id, path, AuditLog.summary("title", in.title().trim(), "format", in.format(), "startsAt",
                in.startsAt().toString(), "topicIds", found.stream().map(Topic::id).toList()));
        return find(id).orElseThrow();
    }

    @Transactional
    public MeetingView.RegistrationView register(UUID id, MeetingInputs.RegistrationInput in, boolean attending) {
        Row m = lock(id, caller.readScope());
        if (!"SCHEDULED".equals(m.status())) {
            throw ProblemException.conflict("meetingNotScheduled", m.status());
        }
        Instant now = clock.instant();
        String name = in.personName().trim();
        var existing = db.one("select id, registered_at, attended_at from meeting_registration where meeting_id = ? and person_name = ? and party = ?",
                r -> new Object[] { Db.uuid(r, "id"), Db.instant(r, "registered_at"), Db.instant(r, "attended_at") }, id, name, in.party());
        if (existing.isEmpty()) {
            UUID rid = Ids.newId();
            db.update("insert into meeting_registration (id, meeting_id, person_name, party, registered_at, attended_at) values (?, ?, ?, ?, ?, ?)",
                    rid, id, name, in.party(), attending ? null : now, attending ? now : null);
            audit.record(attending ? "meeting.attend" : "meeting.register", "meeting", id, m.orgPath(), AuditLog.summary("registrationId",
                    rid, "party", in.party(), "walkIn", attending ? true : null));
            return new MeetingView.RegistrationView(rid, name, in.party(), attending ? null : Times.local(now), attending ? Times.local(now) : null);
        }
        Object[] e = existing.get();
        if (!attending) {
            throw ProblemException.conflict("alreadyRegistered", name);
        }
        if (e[2] != null) {
            throw ProblemException.conflict("alreadyAttended", name);
        }
        db.update("update meeting_registration set attended_at = ? where id = ?", now, e[0]);
        audit.record("meeting.attend", "meeting", id, m.orgPath(), AuditLog.summary("registrationId", e[0], "party", in.party()));
        return new MeetingView.RegistrationView((UUID) e[0], name, in.party(), Times.local((Instant) e[1]), Times.local(now));
    }

    @Transactional
    public Row recordMinutes(UUID id, MeetingInputs.MinutesInput in, String ifMatch) {
        Row m = lock(id, caller.adminScope());
        Preconditions.requireMatch(ifMatch, m.version());
        if (!"SCHEDULED".equals(m.status())) {
            throw ProblemException.conflict("meetingNotScheduled", m.status());
        }
        List<UUID> topicIds = topicIds(id);
        if (in.opinions() != null) {
            for (int i = 0; i < in.opinions().size(); i++) {
                MeetingInputs.OpinionInput o = in.opinions().get(i);
                if (o.topicId() != null && !topicIds.contains(o.topicId())) {
                    throw ProblemException.invalidField("opinions[" + i + "].topicId", "opinionTopicNotOnAgenda");
                }
                db.update("insert into meeting_opinion (id, meeting_id, party, speaker, topic_id, opinion, seq) values (?, ?, ?, ?, ?, ?, ?)",
                        Ids.newId(), id, o.party(), o.speaker() == null ? null : o.speaker().trim(), o.topicId(), o.opinion().trim(), i);
            }
        }
        if (in.followUps() != null) {
            for (int i = 0; i < in.followUps().size(); i++) {
                MeetingInputs.FollowUpInput f = in.followUps().get(i);
                db.update("insert into meeting_follow_up (id, meeting_id, description, owner, due_on, seq) values (?, ?, ?, ?, ?, ?)", Ids.newId(),
                        id, f.description().trim(), f.owner().trim(), f.dueOn(), i);
            }
        }
        db.update("update meeting set status = 'HELD', minutes = ?, minutes_by = ?, held_at = ?, version = version + 1 where id = ?",
                in.summary().trim(), in.recordedBy().trim(), clock.instant(), id);
        audit.record("meeting.minutes", "meeting", id, m.orgPath(), AuditLog.summary("status", "HELD", "recordedBy", in.recordedBy().trim(),
                "opinions", in.opinions() == null ? 0 : in.opinions().size(), "followUps", in.followUps() == null ? 0 : in.followUps().size()));
        return find(id).orElseThrow();
    }

    @Transactional
    public MeetingView.FollowUpView completeFollowUp(UUID id, UUID followUpId) {
        Row m = lock(id, caller.adminScope());
        var f = db.one("select id, description, owner, due_on, done_at from meeting_follow_up where meeting_id = ? and id = ? for update",
                r -> new MeetingView.FollowUpView(Db.uuid(r, "id"), r.getString("description"), r.getString("owner"), Db.date(r, "due_on"),
                        Times.local(Db.instant(r, "done_at"))), id, followUpId)
                .orElseThrow(() -> ProblemException.notFound("followUp", followUpId));
        if (f.doneAt() != null) {
            throw ProblemException.conflict("followUpDone");
        }
        Instant now = clock.instant();
        db.update("update meeting_follow_up set done_at = ? where id = ?", now, followUpId);
        audit.record("meeting.followUpDone", "meeting", id, m.orgPath(), AuditLog.summary("followUpId", followUpId));
        return new MeetingView.FollowUpView(f.id(), f.description(), f.owner(), f.dueOn(), Times.local(now));
    }

    @Transactional
    public Row cancel(UUID id, String ifMatch) {
        Row m = lock(id, caller.adminScope());
        Preconditions.requireMatch(ifMatch, m.version());
        if (!"SCHEDULED".equals(m.status())) {
            throw ProblemException.conflict("meetingNotScheduled", m.status());
        }
        db.update("update meeting set status = 'CANCELLED', version = version + 1 where id = ?", id);
        audit.record("meeting.cancel", "meeting", id, m.orgPath(), AuditLog.summary("status", "CANCELLED"));
        return find(id).orElseThrow();
    }

    // ---- reads ----

    public List<UUID> topicIds(UUID id) {
        return db.list("select topic_id from meeting_topic where meeting_id = ? order by topic_id", r -> Db.uuid(r, "topic_id"), id);
    }

    /** Meetings inside {@code scope} (btree ranges on org_path), of one topic and under one path when given. */
    public List<Row> list(UUID topicId, String orgPath, Scope scope, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(topicId, orgPath, scope, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list(SELECT + where + " order by starts_at desc, id limit ? offset ?", MeetingService::map, args.toArray());
    }

    public long count(UUID topicId, String orgPath, Scope scope) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from meeting " + where(topicId, orgPath, scope, args), args.toArray());
    }

    private static String where(UUID topicId, String orgPath, Scope scope, List<Object> args) {
        StringBuilder sql = new StringBuilder("where ").append(scope.sql("org_path", args));
        if (topicId != null) {
            sql.append(" and id in (select meeting_id from meeting_topic where topic_id = ?)");
            args.add(topicId);
        }
        if (orgPath != null) {
            sql.append(" and org_path >= ? and org_path < ?");
            args.add(orgPath);
            args.add(orgPath + "~");
        }
        return sql.toString();
    }

    public MeetingView view(Row m, boolean full) {
        List<MeetingInputs.Invitee> invited = db.list("select party, name from meeting_party where meeting_id = ? order by party, name",
                r -> new MeetingInputs.Invitee(Db.enumValue(r, "party", Party.class), r.getString("name")), m.id());
        long registered = db.count("select count(*) from meeting_registration where meeting_id = ? and registered_at is not null", m.id());
        long attended = db.count("select count(*) from meeting_registration where meeting_id = ? and attended_at is not null", m.id());
        List<MeetingView.RegistrationView> registrations = null;
        List<MeetingView.PartyOpinions> opinions = null;
        List<MeetingView.FollowUpView> followUps = null;
        if (full) {
            registrations = db.list("select id, person_name, party, registered_at, attended_at from meeting_registration where meeting_id = ?"
                    + " order by coalesce(registered_at, attended_at), id", r -> new MeetingView.RegistrationView(Db.uuid(r, "id"),
                            r.getString("person_name"), Db.enumValue(r, "party", Party.class), Times.local(Db.instant(r, "registered_at")),
                            Times.local(Db.instant(r, "attended_at"))), m.id());
            Map<Party, List<MeetingView.OpinionView>> byParty = new EnumMap<>(Party.class);
            db.list("select party, speaker, topic_id, opinion from meeting_opinion where meeting_id = ? order by seq", r -> {
                byParty.computeIfAbsent(Db.enumValue(r, "party", Party.class), p -> new ArrayList<>())
                        .add(new MeetingView.OpinionView(r.getString("speaker"), Db.uuid(r, "topic_id"), r.getString("opinion")));
                return null;
            }, m.id());
            opinions = byParty.entrySet().stream().map(e -> new MeetingView.PartyOpinions(e.getKey(), e.getValue())).toList();
            followUps = db.list("select id, description, owner, due_on, done_at from meeting_follow_up where meeting_id = ? order by seq",
                    r -> new MeetingView.FollowUpView(Db.uuid(r, "id"), r.getString("description"), r.getString("owner"), Db.date(r, "due_on"),
                            Times.local(Db.instant(r, "done_at"))), m.id());
        }
        return new MeetingView(m.id(), m.title(), m.format(), topicIds(m.id()), Times.local(m.startsAt()), Times.local(m.endsAt()), m.place(),
                m.convener(), m.status(), invited, registered, attended, registrations, m.minutes(), m.minutesBy(), Times.local(m.heldAt()),
                opinions, followUps, m.version(), Times.local(m.createdAt()));
    }
}
