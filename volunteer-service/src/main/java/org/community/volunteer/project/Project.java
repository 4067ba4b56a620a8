package org.community.volunteer.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A project of one team (table {@code project}) with the demands it took (table {@code project_demand}, and which of them
 * it closed) and the resources it uses ({@code project_resource}). {@link ProjectView} is what callers see of it.
 */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    /** A demand of the project; {@code closed} once the project's outcome names it. */
    @Embeddable
    public record DemandLink(UUID demandId, boolean closed) {
    }

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public ProjectKind kind;

    public UUID teamId;
    public String orgPath;
    public String description;

    @Enumerated(EnumType.STRING)
    public ProjectStatus status;

    public LocalDate plannedStart;
    public LocalDate plannedEnd;
    public String outcome;
    public Instant startedAt;
    public Instant finishedAt;

    @Version
    public long version = 1;

    public Instant createdAt;
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "project_demand", joinColumns = @JoinColumn(name = "project_id"))
    @OrderBy("demandId")
    public Set<DemandLink> demands = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "project_resource", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "resource_id")
    @OrderBy
    public List<UUID> resourceIds = new ArrayList<>();

    /** In PostgreSQL's order of uuids (unsigned, byte by byte), as the table gives them. */
    static final Comparator<UUID> UUID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    public List<UUID> demandIds() {
        return demands.stream().map(DemandLink::demandId).sorted(UUID_ORDER).toList();
    }

    public List<UUID> closedDemandIds() {
        return demands.stream().filter(DemandLink::closed).map(DemandLink::demandId).sorted(UUID_ORDER).toList();
    }

    /** Marks a demand of the project as closed by its outcome. */
    void close(UUID demandId) {
        demands.remove(new DemandLink(demandId, false));
        demands.add(new DemandLink(demandId, true));
    }
}
