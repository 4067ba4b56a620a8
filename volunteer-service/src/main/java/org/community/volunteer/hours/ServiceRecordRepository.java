package org.community.volunteer.hours;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.volunteer.db.Conditions;
import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.security.Scope;

@ApplicationScoped
public class ServiceRecordRepository {

    private static final String SELECT = ServiceRecord.SELECT + ServiceRecord.FROM;

    /** {@code scope}: the subtrees the caller reads; {@code ownVolunteer}: the caller's own records, shown besides. */
    public record Filter(UUID volunteerId, UUID teamId, UUID activityId, RecordStatus status, OrgUnitRef within, Scope scope, UUID ownVolunteer) {
    }

    @Inject
    Db db;

    public Optional<ServiceRecord> find(UUID id) {
        return db.one(SELECT + "where r.id = ?", ServiceRecord::map, id);
    }

    public Optional<ServiceRecord> lock(UUID id) {
        return db.one(SELECT + "where r.id = ? for update of r", ServiceRecord::map, id);
    }

    public Optional<ServiceRecord> lockOf(UUID activityId, UUID volunteerId) {
        return db.one(SELECT + "where r.activity_id = ? and r.volunteer_id = ? for update of r", ServiceRecord::map, activityId, volunteerId);
    }

    public boolean exists(UUID activityId, UUID volunteerId) {
        return db.count("select count(*) from service_record where activity_id = ? and volunteer_id = ?", activityId, volunteerId) > 0;
    }

    /** Inserts the record unless the volunteer already has one for this activity: false then. */
    public boolean insertOnce(ServiceRecord r) {
        return db.update("insert into service_record (" + ServiceRecord.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (activity_id, volunteer_id) do nothing", r.id(), r.activityId(), r.volunteerId(), r.teamId(),
                r.status(), r.checkedInAt(), r.checkedOutAt(), r.checkInMethod(), r.checkOutMethod(), r.minutes(), r.verifiedMinutes(),
                r.adjustReason(), r.reviewedBy(), r.reviewedAt(), r.reviewNote(), r.version(), r.createdAt()) == 1;
    }

    public void update(ServiceRecord r) {
        db.update("update service_record set status = ?, checked_out_at = ?, check_out_method = ?, minutes = ?, verified_minutes = ?,"
                + " adjust_reason = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?, version = ? where id = ?", r.status(),
                r.checkedOutAt(), r.checkOutMethod(), r.minutes(), r.verifiedMinutes(), r.adjustReason(), r.reviewedBy(), r.reviewedAt(),
                r.reviewNote(), r.version(), r.id());
    }

    public List<ServiceRecord> search(Filter filter, PageRequest page) {
        List<Object> args = new ArrayList<>();
        return db.list(searchSql(filter, page, args), ServiceRecord::map, args.toArray());
    }

    /** A page of records: by subtree, the subtree's activities (activity_path) and their records (the unique index). */
    static String searchSql(Filter filter, PageRequest page, List<Object> args) {
        String where = where(filter, args);
        args.add(page.size);
        args.add(page.offset());
        return SELECT + where + " order by r.checked_in_at desc, r.id limit ? offset ?";
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) " + ServiceRecord.FROM + where(filter, args), args.toArray());
    }

    /** The verified records of a volunteer with one team, oldest first, with each activity's title and place (for certificates). */
    public record VerifiedLine(java.time.Instant startsAt, String title, String place, int minutes) {
    }

    public List<VerifiedLine> verifiedWithTeam(UUID volunteerId, UUID teamId) {
        return db.list("select a.starts_at, a.title, a.place, r.verified_minutes from service_record r join activity a on a.id = r.activity_id"
                + " where r.volunteer_id = ? and r.team_id = ? and r.status = 'VERIFIED' order by a.starts_at, r.id",
                row -> new VerifiedLine(Db.instant(row, "starts_at"), row.getString("title"), row.getString("place"),
                        row.getInt("verified_minutes")), volunteerId, teamId);
    }

    private static String where(Filter filter, List<Object> args) {
        return new Conditions(args).visibleThrough("r.activity_id", "activity", "org_path", filter.scope(), "r.volunteer_id = ?", filter.ownVolunteer())
                .equal("r.volunteer_id", filter.volunteerId()).equal("r.team_id", filter.teamId())
                .equal("r.activity_id", filter.activityId()).equal("r.status", filter.status()).within("a.org_path", filter.within()).sql();
    }
}
