package org.community.conventions.orgfeed;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * A consuming service's part, as small as it gets: its copy of the tree ({@code feed_unit}) and one kind of record under
 * a path that copies its unit's name ({@code feed_record}). Its presence makes the library's test application a consumer.
 */
@ApplicationScoped
public class FixtureTreeCopy implements OrgTreeCopy {

    @Inject
    Db db;

    @ConfigProperty(name = "fixture.create-schema", defaultValue = "true")
    boolean create;

    void schema(@Observes StartupEvent startup) {
        if (!create) {
            return;
        }
        db.update("""
                create table if not exists org_feed_cursor (
                    id int primary key, seq bigint not null, synced boolean not null, updated_at timestamptz not null)""");
        db.update("insert into org_feed_cursor (id, seq, synced, updated_at) values (1, 0, false, now()) on conflict do nothing");
        db.update("""
                create table if not exists feed_unit (
                    id uuid primary key, name text not null, level text not null, path text collate "C" not null,
                    community_path text collate "C", code text, form text, parent_id uuid, dissolved boolean not null,
                    fetched_at timestamptz not null)""");
        db.update("""
                create table if not exists feed_record (
                    id uuid primary key, org_unit_id uuid not null, org_unit_name text not null, org_path text collate "C" not null,
                    community_path text collate "C")""");
    }

    @Override
    public String unitTable() {
        return "feed_unit";
    }

    @Override
    public String unitPathColumn() {
        return "path";
    }

    @Override
    public List<PathedTable> pathedTables() {
        return List.of(PathedTable.withCommunity("feed_record", "org_path", "community_path"));
    }

    @Override
    public void renamed(List<RenamedUnit> units) {
        List<Object[]> names = new ArrayList<>();
        for (RenamedUnit unit : units) {
            names.add(new Object[] { unit.name(), unit.path(), unit.unitId() });
        }
        db.batch("update feed_record set org_unit_name = ? where org_path = ? and org_unit_id = ?", names);
    }
}
