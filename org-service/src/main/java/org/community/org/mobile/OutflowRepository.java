package org.community.org.mobile;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Locks;
import org.community.org.security.Caller;
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

/**
 * Outflows as entities. The views and lists join the member and both units for their names and paths in one statement
 * each: they stay SQL through Db, answering snapshots.
 */
@ApplicationScoped
public class OutflowRepository implements PanacheRepositoryBase<Outflow, UUID> {

    /** An outflow with the names both sides need, read in one query. */
    private static final String SELECT_VIEW = "select o.*, m.name member_name, m.unit_id origin_id, u.name origin_name, s.name station_name,"
            + " m.path origin_path, s.path station_path"
            + " from mobile_outflow o join member m on m.id = o.member_id join org_unit u on u.id = m.unit_id"
            + " left join org_unit s on s.id = o.station_unit_id ";

    @Inject
    Db db;

    @Inject
    Caller caller;

    public Optional<Outflow> lockForUpdate(UUID id) {
        return Locks.forUpdate(getEntityManager(), Outflow.class, id);
    }

    public Optional<OutflowView> view(UUID id) {
        return db.one(SELECT_VIEW + "where o.id = ?", this::mapView, id);
    }

    /** Records an outflow unless the member has one open; false then. */
    public boolean insert(Outflow o) {
        if (currentOf(o.memberId()).isPresent()) {
            return false;
        }
        persist(o);
        return Constraints.flushed(this::flush, "mobile_outflow_current");
    }

    public Optional<Outflow> currentOf(UUID memberId) {
        return find("memberId = ?1 and returnedOn is null", memberId).firstResultOptional();
    }

    /**
     * Outflows seen from the origin (members of the subtree) or from the station side (registered at a station in the
     * subtree); both sides see the same rows.
     */
    public List<OutflowView> list(String originPath, String stationPath, Boolean active, Scope scope, PageRequest page) {
        List<Object> args = args(originPath, stationPath, active, scope);
        args.add(page.size);
        args.add(page.offset());
        return db.list(SELECT_VIEW + "where " + filter(scope) + " order by o.left_on desc, o.id limit ? offset ?", this::mapView,
                args.toArray());
    }

    public long count(String originPath, String stationPath, Boolean active, Scope scope) {
        return db.count("select count(*) from mobile_outflow o join member m on m.id = o.member_id left join org_unit s on s.id = o.station_unit_id"
                + " where " + filter(scope), args(originPath, stationPath, active, scope).toArray());
    }

    /** Both sides see an outflow: the origin's scope (the member's path) and the station's. */
    private static String filter(Scope scope) {
        return scope.everything() ? FILTER
                : FILTER + " and (" + scope.where("m.path").sql() + " or " + scope.where("s.path").sql() + ")";
    }

    private static final String FILTER = "(?::text is null or (m.path >= ? and m.path < ?))"
            + " and (?::text is null or (s.path >= ? and s.path < ?))"
            + " and (?::boolean is null or (o.returned_on is null) = ?)";

    private static List<Object> args(String origin, String station, Boolean active, Scope scope) {
        List<Object> args = new java.util.ArrayList<>(java.util.Arrays.asList(origin, origin, origin == null ? null : Paths.upperBound(origin),
                station, station, station == null ? null : Paths.upperBound(station), active, active));
        if (!scope.everything()) {
            args.addAll(scope.where("m.path").args());
            args.addAll(scope.where("s.path").args());
        }
        return args;
    }

    /** The contact phone is unmasked for grid workers and admins of either side. */
    OutflowView mapView(java.sql.ResultSet row) throws java.sql.SQLException {
        boolean showPhone = caller.seesPhones(row.getString("origin_path")) || caller.seesPhones(row.getString("station_path"));
        return OutflowView.of(Outflow.map(row), row.getString("member_name"), Db.uuid(row, "origin_id"), row.getString("origin_name"),
                row.getString("station_name"), row.getString("origin_path"), row.getString("station_path"), showPhone);
    }
}
