-- Issue 15: this service follows org-service's change feed (GET /api/v1/org-units/changes, README "Following
-- org-service's tree"). Paths here stay '/<rootId>/.../<unitId>/' (unit ids, as V1): an event's new path is built from
-- its ancestorIds and unitId, its old path is the one stored in known_unit.

-- Where the consumer is in the feed: one row. seq = the last event applied (in the transaction that applied it);
-- synced = false until a full snapshot has been read (a fresh database, or a cursor older than the feed retains).
create table org_feed_cursor (
    id         int primary key check (id = 1),
    seq        bigint not null,
    synced     boolean not null,
    updated_at timestamptz not null
);
insert into org_feed_cursor (id, seq, synced, updated_at) values (1, 0, false, now());

-- What an event carries about a unit (units seen before V3 get theirs from the first snapshot the consumer reads).
alter table known_unit
    add column name           text,
    add column level          text,
    add column community_path text collate "C",
    add column code           text,
    add column form           text,
    add column parent_id      uuid,
    add column dissolved      boolean not null default false,
    add column fetched_at     timestamptz;
create index known_unit_dissolved on known_unit (id) where dissolved;

-- A move re-paths every row in the range [old path, old path~) of each table: each needs an index led by its path
-- (topic_org_path, meeting_org_path and audit_entry_path exist since V1/V2).
create index known_unit_org_path on known_unit (org_path);
create index ledger_org_path on ledger (org_path);

-- A write takes its path from the snapshot (a new topic, a compound's first disclosure) or from the record it belongs to,
-- then inserts. Should a move commit between the two, the new row would keep the old path forever. So every insert (and
-- every change of org_path outside the feed) passes through this trigger, which
--   * takes a share lock on the known_unit row of the row's unit (the last id of its path) and writes that row's current
--     path. The feed updates the known_unit rows of a moved subtree FIRST, so a write either waits for the move to commit
--     and gets the new path here, or holds the lock until it commits and the move, waiting, re-paths its row with the
--     others. Writes elsewhere in the city are not held up;
--   * refuses (TG_ARGV[0] = 'open') a new record under a dissolved unit. Raised as an exclusion violation named
--     org_unit_dissolved, which the conventions library answers as 409 naming the field of
--     constraint.org_unit_dissolved.field (orgUnitId). Records already there can still be changed and wound up.
create function org_path_follow() returns trigger language plpgsql as $$
declare
    unit    uuid;
    current text;
begin
    if new.org_path is null or new.org_path !~ '^(/[0-9a-f-]{36})+/$' then
        return new;
    end if;
    unit := substring(new.org_path from '([0-9a-f-]{36})/$')::uuid;
    select org_path into current from known_unit where id = unit for share;
    if found and current <> new.org_path then
        new.org_path := current;
    end if;
    if tg_op = 'INSERT' and tg_argv[0] = 'open' then
        perform org_path_refuse_dissolved(new.org_path);
    end if;
    return new;
end $$;

create function org_path_refuse_dissolved(path text) returns void language plpgsql as $$
begin
    if exists (select 1 from known_unit where dissolved and id = any (string_to_array(trim(both '/' from path), '/')::uuid[])) then
        raise exception 'org unit on % is dissolved', path using errcode = 'exclusion_violation', constraint = 'org_unit_dissolved';
    end if;
end $$;

-- votes and resolutions keep no path: they lie where their topic does
create function topic_open() returns trigger language plpgsql as $$
begin
    perform org_path_refuse_dissolved((select org_path from topic where id = new.topic_id));
    return new;
end $$;

create trigger topic_org_path before insert or update of org_path on topic for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('open');
create trigger meeting_org_path before insert or update of org_path on meeting for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('open');
create trigger ledger_org_path before insert or update of org_path on ledger for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('open');
create trigger audit_entry_org_path before insert or update of org_path on audit_entry for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function org_path_follow('-');
create trigger vote_open before insert on vote for each row execute function topic_open();
create trigger resolution_open before insert on resolution for each row execute function topic_open();
