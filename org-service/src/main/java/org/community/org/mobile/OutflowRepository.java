package org.community.org.mobile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.org.db.Db;
import org.community.org.http.PageRequest;
import org.community.org.tree.Paths;

@ApplicationScoped
public class OutflowRepository {

    /** An outflow with the names both sides need, read in one query. */
    private static final String SELECT_VIEW = "select o.*, m.name member_name, m.unit_id origin_id, u.name origin_name, s.name station_name"
            + " from mobile_outflow o join member m on m.id = o.member_id join org_unit u on u.id = m.unit_id"
            + " left join org_unit s on s.id = o.station_unit_id ";

    @Inject
    Db db;

    public Optional<Outflow> lockForUpdate(UUID id) {
        return db.one("select " + Outflow.COLUMNS + " from mobile_outflow where id = ? for update", Outflow::map, id);
    }

    public Optional<OutflowView> view(UUID id) {
        return db.one(SELECT_VIEW + "where o.id = ?", OutflowRepository::mapView, id);
    }

    public boolean insert(Outflow o) {
        return db.update("insert into mobile_outflow (" + Outflow.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing", o.id(), o.memberId(), o.destinationCity(), o.destinationAddress(), o.reason(), o.contactPhone(),
                o.leftOn(), o.expectedReturnOn(), o.stationUnitId(), o.registeredOn(), o.returnedOn(), o.version(), o.createdAt(),
                o.updatedAt()) == 1;
    }

    public void register(UUID id, UUID stationId, java.time.LocalDate on, Instant now) {
        db.update("update mobile_outflow set station_unit_id = ?, registered_on = ?, version = version + 1, updated_at = ? where id = ?",
                stationId, on, now, id);
    }

    public void close(UUID id, java.time.LocalDate on, Instant now) {
        db.update("update mobile_outflow set returned_on = ?, version = version + 1, updated_at = ? where id = ?", on, now, id);
    }

    public Optional<Outflow> currentOf(UUID memberId) {
        return db.one("select " + Outflow.COLUMNS + " from mobile_outflow where member_id = ? and returned_on is null", Outflow::map,
                memberId);
    }

    /**
     * Outflows seen from the origin (members of the subtree) or from the station side (registered at a station in the
     * subtree); both sides see the same rows.
     */
    public List<OutflowView> list(String originPath, String stationPath, Boolean active, PageRequest page) {
        return db.list(SELECT_VIEW + "where " + FILTER + " order by o.left_on desc, o.id limit ? offset ?", OutflowRepository::mapView,
                args(originPath, stationPath, active, page.size, page.offset()));
    }

    public long count(String originPath, String stationPath, Boolean active) {
        return db.count("select count(*) from mobile_outflow o join member m on m.id = o.member_id left join org_unit s on s.id = o.station_unit_id"
                + " where " + FILTER, args(originPath, stationPath, active));
    }

    private static final String FILTER = "(?::text is null or (m.path >= ? and m.path < ?))"
            + " and (?::text is null or (s.path >= ? and s.path < ?))"
            + " and (?::boolean is null or (o.returned_on is null) = ?)";

    private static Object[] args(String origin, String station, Boolean active, Object... more) {
        Object[] base = { origin, origin, origin == null ? null : Paths.upperBound(origin), station, station,
                station == null ? null : Paths.upperBound(station), active, active };
        Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static OutflowView mapView(java.sql.ResultSet row) throws java.sql.SQLException {
        return OutflowView.of(Outflow.map(row), row.getString("member_name"), Db.uuid(row, "origin_id"), row.getString("origin_name"),
                row.getString("station_name"));
    }
}
