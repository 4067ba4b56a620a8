-- Issue 15: this service follows org-service's change feed (GET /api/v1/org-units/changes, README "Following
-- org-service"). Paths here stay '/<rootId>/.../<unitId>/' (unit ids, as V1): an event's new path is built from its
-- ancestorIds and unitId, its old path is the one stored in org_unit_snapshot.

-- Where the consumer is in the feed: one row. seq = the last event applied (in the transaction that applied it);
-- synced = false until a full snapshot has been read (a fresh database, or a cursor older than the feed retains).
create table org_feed_cursor (
    id         int primary key check (id = 1),
    seq        bigint not null,
    synced     boolean not null,
    updated_at timestamptz not null
);
insert into org_feed_cursor (id, seq, synced, updated_at) values (1, 0, false, now());

-- The rest of what an event carries about a unit.
alter table org_unit_snapshot
    add column code      text,
    add column form      text,
    add column parent_id uuid,
    add column dissolved boolean not null default false;
create index org_unit_snapshot_dissolved on org_unit_snapshot (id) where dissolved;

-- A move re-paths every row in the range [old path, old path~) of each table: each needs an index led by its path
-- (the others have one since V1/V2: volunteer_board, activity_path, partner_path, resource_path, demand_path,
-- project_path, audit_entry_path, org_unit_snapshot_path).
create index team_org_path on team (org_path);
create index service_record_org_path on service_record (org_path);
create index unit_year_hours_org_path on unit_year_hours (org_path);
create index volunteer_year_hours_org_path on volunteer_year_hours (org_path);

-- A write takes its path from the snapshot (a new record) or from the record it belongs to (an activity from its
-- team, a service record from its activity), then inserts. Should a move commit between the two, the new row would
-- keep the old path forever. So every insert (and every change of org_path outside the feed) passes through this
-- trigger, which
--   * takes a share lock on the snapshot row of the row's unit (the last id of its path) and writes that row's current
--     path (and community path). The feed updates the snapshot rows of a moved subtree FIRST, so a write either waits
--     for the move to commit and gets the new path here, or holds the lock until it commits and the move, waiting,
--     re-paths its row with the others. Writes elsewhere in the city are not held up;
--   * refuses (TG_ARGV[1] = 'open') a new record under a dissolved unit. Raised as an exclusion violation named
--     org_unit_dissolved, which the conventions library answers as 409 naming the field of
--     constraint.org_unit_dissolved.field (orgUnitId). Records already there can still be changed and wound up.
create function org_path_follow() returns trigger language plpgsql as $$
declare
    unit      uuid;
    current   record;
begin
    if new.org_path is null or new.org_path !~ '^(/[0-9a-f-]{36})+/$' then
        return new;
    end if;
    unit := substring(new.org_path from '([0-9a-f-]{36})/$')::uuid;
    select path, community_path into current from org_unit_snapshot where id = unit for share;
    if found and current.path <> new.org_path then
        new.org_path := current.path;
        if tg_argv[0] = 'community' then
            new.community_path := current.community_path;
        end if;
    end if;
    if tg_op = 'INSERT' and tg_argv[1] = 'open' and exists (select 1 from org_unit_snapshot
            where dissolved and id = any (string_to_array(trim(both '/' from new.org_path), '/')::uuid[])) then
        raise exception 'org unit on % is dissolved', new.org_path
            using errcode = 'exclusion_violation', constraint = 'org_unit_dissolved';
    end if;
    return new;
end $$;

-- (table, has community_path, refuses new rows under a dissolved unit)
create trigger volunteer_org_path before insert or update of org_path on volunteer for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('-', 'open');
create trigger team_org_path before insert or update of org_path on team for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('community', 'open');
create trigger activity_org_path before insert or update of org_path on activity for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('-', 'open');
create trigger service_record_org_path before insert or update of org_path on service_record for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('-', 'open');
create trigger partner_org_path before insert or update of org_path on partner for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('community', 'open');
create trigger resource_org_path before insert or update of org_path on resource for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('community', 'open');
create trigger demand_org_path before insert or update of org_path on demand for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('community', 'open');
create trigger project_org_path before insert or update of org_path on project for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('-', 'open');
-- roll-ups and the audit log follow moves too, but are written for changes of records already there
create trigger unit_year_hours_org_path before insert or update of org_path on unit_year_hours for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('-', '-');
create trigger volunteer_year_hours_org_path before insert or update of org_path on volunteer_year_hours for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('-', '-');
create trigger audit_entry_org_path before insert or update of org_path on audit_entry for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('-', '-');
