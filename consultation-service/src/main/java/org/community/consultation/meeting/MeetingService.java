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
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

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

    /** What the resource reads of a meeting: a snapshot of its row ({@link Meeting#row()}). */
    record Row(UUID id, String title, MeetingFormat format, Instant startsAt, Instant endsAt, String place, String convener, String orgPath,
            String status, String minutes, String minutesBy, Instant heldAt, long version, Instant createdAt) {
    }

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

    public Optional<Row> find(UUID id) {
        return Meeting.<Meeting>findByIdOptional(id).map(Meeting::row);
    }

    /** The meeting if the caller may read it (inside their read scope). */
    public Optional<Row> readable(UUID id) {
        return find(id).filter(m -> caller.readScope().contains(m.orgPath()));
    }

    /** Locks a meeting about to change: 404 when the caller may not read it, 403 when {@code scope} does not hold it. */
    private Meeting lock(UUID id, Scope scope) {
        Meeting m = Meeting.<Meeting>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(r -> caller.readScope().contains(r.orgPath)).orElseThrow(() -> ProblemException.notFound("meeting", id));
        caller.requireIn(scope, m.orgPath);
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
        // the meeting belongs where its topics meet: the longest common prefix of their org paths
        String path = found.get(0).orgPath();
        for (Topic t : found) {
            while (!t.orgPath().startsWith(path)) {
                path = path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
            }
        }
        caller.requireIn(caller.adminScope(), path);
        Meeting meeting = new Meeting();
        meeting.title = in.title().trim();
        meeting.format = in.format();
        meeting.startsAt = in.startsAt().toInstant();
        meeting.endsAt = in.endsAt() == null ? null : in.endsAt().toInstant();
        meeting.place = in.place().trim();
        meeting.convener = in.convener().trim();
        meeting.orgPath = path;
        meeting.status = Meeting.SCHEDULED;
        meeting.createdAt = clock.instant();
        found.forEach(t -> meeting.topicIds.add(t.id()));
        if (in.invited() != null) {
            in.invited().forEach(invitee -> meeting.invited.add(new Meeting.Invitation(invitee.party(), invitee.name().trim())));
        }
        meeting.persistAndFlush();
        audit.record("meeting.create", "meeting", meeting.id, path, AuditLog.summary("title", meeting.title, "format", in.format(), "startsAt",
                in.startsAt().toString(), "topicIds", found.stream().map(Topic::id).toList()));
        return meeting.row();
    }

    @Transactional
    public MeetingView.RegistrationView register(UUID id, MeetingInputs.RegistrationInput in, boolean attending) {
        Meeting m = lock(id, caller.readScope());
        if (!Meeting.SCHEDULED.equals(m.status)) {
            throw ProblemException.conflict("meetingNotScheduled", m.status);
        }
        Instant now = clock.instant();
        String name = in.personName().trim();
        Optional<MeetingRegistration> existing = MeetingRegistration.<MeetingRegistration>find("meetingId = ?1 and personName = ?2 and party = ?3",
                id, name, in.party()).firstResultOptional();
        if (existing.isEmpty()) {
            MeetingRegistration registration = new MeetingRegistration();
            registration.meetingId = id;
            registration.personName = name;
            registration.party = in.party();
            registration.registeredAt = attending ? null : now;
            registration.attendedAt = attending ? now : null;
            registration.persistAndFlush();
            audit.record(attending ? "meeting.attend" : "meeting.register", "meeting", id, m.orgPath, AuditLog.summary("registrationId",
                    registration.id, "party", in.party(), "walkIn", attending ? true : null));
            return registration.view();
        }
        MeetingRegistration registration = existing.get();
        if (!attending) {
            throw ProblemException.conflict("alreadyRegistered", name);
        }
        if (registration.attendedAt != null) {
            throw ProblemException.conflict("alreadyAttended", name);
        }
        registration.attendedAt = now;
        registration.flush();
        audit.record("meeting.attend", "meeting", id, m.orgPath, AuditLog.summary("registrationId", registration.id, "party", in.party()));
        return registration.view();
    }

    @Transactional
    public Row recordMinutes(UUID id, MeetingInputs.MinutesInput in, String ifMatch) {
        Meeting m = lock(id, caller.adminScope());
        Preconditions.requireMatch(ifMatch, m.version);
        if (!Meeting.SCHEDULED.equals(m.status)) {
            throw ProblemException.conflict("meetingNotScheduled", m.status);
        }
        if (in.opinions() != null) {
            for (int i = 0; i < in.opinions().size(); i++) {
                MeetingInputs.OpinionInput o = in.opinions().get(i);
                if (o.topicId() != null && !m.topicIds.contains(o.topicId())) {
                    throw ProblemException.invalidField("opinions[" + i + "].topicId", "opinionTopicNotOnAgenda");
                }
                MeetingOpinion opinion = new MeetingOpinion();
                opinion.meetingId = id;
                opinion.party = o.party();
                opinion.speaker = o.speaker() == null ? null : o.speaker().trim();
                opinion.topicId = o.topicId();
                opinion.opinion = o.opinion().trim();
                opinion.seq = i;
                opinion.persist();
            }
        }
        if (in.followUps() != null) {
            for (int i = 0; i < in.followUps().size(); i++) {
                MeetingInputs.FollowUpInput f = in.followUps().get(i);
                MeetingFollowUp followUp = new MeetingFollowUp();
                followUp.meetingId = id;
                followUp.description = f.description().trim();
                followUp.owner = f.owner().trim();
                followUp.dueOn = f.dueOn();
                followUp.seq = i;
                followUp.persist();
            }
        }
        m.status = Meeting.HELD;
        m.minutes = in.summary().trim();
        m.minutesBy = in.recordedBy().trim();
        m.heldAt = clock.instant();
        m.flush();
        audit.record("meeting.minutes", "meeting", id, m.orgPath, AuditLog.summary("status", Meeting.HELD, "recordedBy", m.minutesBy,
                "opinions", in.opinions() == null ? 0 : in.opinions().size(), "followUps", in.followUps() == null ? 0 : in.followUps().size()));
        return m.row();
    }

    @Transactional
    public MeetingView.FollowUpView completeFollowUp(UUID id, UUID followUpId) {
        Meeting m = lock(id, caller.adminScope());
        MeetingFollowUp f = MeetingFollowUp.<MeetingFollowUp>find("meetingId = ?1 and id = ?2", id, followUpId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("followUp", followUpId));
        if (f.doneAt != null) {
            throw ProblemException.conflict("followUpDone");
        }
        f.doneAt = clock.instant();
        f.flush();
        audit.record("meeting.followUpDone", "meeting", id, m.orgPath, AuditLog.summary("followUpId", followUpId));
        return f.view();
    }

    @Transactional
    public Row cancel(UUID id, String ifMatch) {
        Meeting m = lock(id, caller.adminScope());
        Preconditions.requireMatch(ifMatch, m.version);
        if (!Meeting.SCHEDULED.equals(m.status)) {
            throw ProblemException.conflict("meetingNotScheduled", m.status);
        }
        m.status = Meeting.CANCELLED;
        m.flush();
        audit.record("meeting.cancel", "meeting", id, m.orgPath, AuditLog.summary("status", Meeting.CANCELLED));
        return m.row();
    }

    // ---- reads ----

    public List<UUID> topicIds(UUID id) {
        return Meeting.<Meeting>findByIdOptional(id).map(m -> List.copyOf(m.topicIds)).orElse(List.of());
    }

    /** Meetings inside {@code scope} (btree ranges on org_path), of one topic and under one path when given. */
    public List<Row> list(UUID topicId, String orgPath, Scope scope, PageRequest page) {
        return query(topicId, orgPath, scope).page(page.page, page.size).<Meeting>list().stream().map(Meeting::row).toList();
    }

    public long count(UUID topicId, String orgPath, Scope scope) {
        return query(topicId, orgPath, scope).count();
    }

    private static PanacheQuery<Meeting> query(UUID topicId, String orgPath, Scope scope) {
        List<Object> params = new ArrayList<>();
        StringBuilder hql = new StringBuilder(scope.hql("orgPath", params));
        if (topicId != null) {
            params.add(topicId);
            hql.append(" and ?").append(params.size()).append(" member of topicIds");
        }
        if (orgPath != null) {
            params.add(orgPath);
            params.add(orgPath + "~");
            hql.append(" and orgPath >= ?").append(params.size() - 1).append(" and orgPath < ?").append(params.size());
        }
        return Meeting.find(hql.toString(), Sort.descending("startsAt").and("id", Sort.Direction.Ascending), params.toArray());
    }

    public MeetingView view(Row row, boolean full) {
        Meeting m = Meeting.findById(row.id());
        List<MeetingInputs.Invitee> invited = m.invited.stream().map(i -> new MeetingInputs.Invitee(i.party(), i.name())).toList();
        long registered = MeetingRegistration.count("meetingId = ?1 and registeredAt is not null", m.id);
        long attended = MeetingRegistration.count("meetingId = ?1 and attendedAt is not null", m.id);
        List<MeetingView.RegistrationView> registrations = null;
        List<MeetingView.PartyOpinions> opinions = null;
        List<MeetingView.FollowUpView> followUps = null;
        if (full) {
            registrations = MeetingRegistration.<MeetingRegistration>find("meetingId = ?1 order by coalesce(registeredAt, attendedAt), id", m.id)
                    .list().stream().map(MeetingRegistration::view).toList();
            Map<Party, List<MeetingView.OpinionView>> byParty = new EnumMap<>(Party.class);
            for (MeetingOpinion o : MeetingOpinion.<MeetingOpinion>list("meetingId = ?1 order by seq", m.id)) {
                byParty.computeIfAbsent(o.party, p -> new ArrayList<>()).add(new MeetingView.OpinionView(o.speaker, o.topicId, o.opinion));
            }
            opinions = byParty.entrySet().stream().map(e -> new MeetingView.PartyOpinions(e.getKey(), e.getValue())).toList();
            followUps = MeetingFollowUp.<MeetingFollowUp>list("meetingId = ?1 order by seq", m.id).stream().map(MeetingFollowUp::view).toList();
        }
        return new MeetingView(m.id, m.title, m.format, List.copyOf(m.topicIds), Times.local(m.startsAt), Times.local(m.endsAt), m.place,
                m.convener, m.status, invited, registered, attended, registrations, m.minutes, m.minutesBy, Times.local(m.heldAt),
                opinions, followUps, m.version, Times.local(m.createdAt));
    }
}
