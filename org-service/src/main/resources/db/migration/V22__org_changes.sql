-- The change feed of the tree (issue 15; README "The change feed"): a transactional outbox. Every write that changes
-- a unit inserts its event here in the same transaction; consumers read GET /api/v1/org-units/changes?after={seq}.
-- Writers take a transaction-level advisory lock before they draw a seq and insert, and hold it until they commit,
-- so a higher seq never becomes visible before a lower one: a consumer that has read up to n has missed nothing <= n.
create sequence org_change_seq;

create table org_change (
    seq     bigint primary key,
    type    text not null,            -- org-unit.created | renamed | moved | dissolved | changed | secretary-changed
    unit_id uuid not null,
    time    timestamptz not null,
    data    jsonb not null            -- the unit as it is after the change (the ChangeEvent's data)
);
create index org_change_time on org_change (time);

-- The highest seq the retention job has purged (0: none): a cursor below it has missed events and must resync.
create table org_change_purge (
    id             int primary key check (id = 1),
    purged_through bigint not null
);
insert into org_change_purge (id, purged_through) values (1, 0);

-- The paths of the strict ancestors of a path: '/a/b/c/' -> {'/a/', '/a/b/'} (each one row of the unique path index).
create function org_ancestor_paths(p text) returns text[] language sql immutable as $$
    select coalesce(array_agg('/' || array_to_string(labels[1:i], '/') || '/' order by i), '{}')
    from (select string_to_array(trim(both '/' from p), '/') as labels) s,
         generate_series(1, cardinality(labels) - 1) as i
$$;

-- A unit as the feed and the snapshot publish it: ids of its ancestors root first, its path, the enclosing
-- community's path (itself when a community, null above community level) and, for a move, the path before it.
create function org_unit_feed_data(unit uuid, old_path text) returns jsonb language sql stable as $$
    select jsonb_build_object(
        'unitId', u.id, 'parentId', u.parent_id, 'code', u.code, 'name', u.name, 'level', u.level, 'form', u.form,
        'dissolved', u.status = 'DISSOLVED',
        'ancestorIds', coalesce((select jsonb_agg(a.id order by a.depth) from org_unit a
                                 where a.path = any(org_ancestor_paths(u.path))), '[]'::jsonb),
        'path', u.path,
        'oldPath', coalesce(old_path, u.path),
        'communityPath', case when u.level = 'COMMUNITY' then u.path
                              else (select a.path from org_unit a
                                    where a.path = any(org_ancestor_paths(u.path)) and a.level = 'COMMUNITY') end)
    from org_unit u where u.id = unit
$$;
