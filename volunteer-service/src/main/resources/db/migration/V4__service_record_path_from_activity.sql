-- Issue 15, the cost of a move: a service record kept a copy of its activity's path, so moving a community of 10,000
-- volunteers rewrote its 100,000 service records (each a new row version with new entries in all five of the table's
-- indexes) besides the few thousand rows that really carry the community's shape. Nothing reads service records by a
-- path range on the fast paths (leaderboards and stats read the roll-ups; a volunteer's and a team's records are read
-- by volunteer_id / team_id), so the record now takes its path from its activity (activity.org_path, indexed as
-- activity_path): a move rewrites the activities, never the records.

drop trigger service_record_org_path on service_record;
drop index service_record_org_path;
alter table service_record drop column org_path;

-- Listing a subtree's records (GET /service-records?within=…, a secretary's scope) joins the subtree's activities
-- (activity_path range) to their records through the (activity_id, volunteer_id) unique index.

-- What the dropped trigger also did: no new record under a dissolved unit (V3, org_unit_dissolved → 409 naming orgUnitId).
-- The unit is now the activity's.
create function service_record_open() returns trigger language plpgsql as $$
declare
    unit_path text;
begin
    select org_path into unit_path from activity where id = new.activity_id;
    if unit_path ~ '^(/[0-9a-f-]{36})+/$' and exists (select 1 from org_unit_snapshot
            where dissolved and id = any (string_to_array(trim(both '/' from unit_path), '/')::uuid[])) then
        raise exception 'org unit on % is dissolved', unit_path
            using errcode = 'exclusion_violation', constraint = 'org_unit_dissolved';
    end if;
    return new;
end $$;

create trigger service_record_open before insert on service_record for each row
    when (current_setting('org_feed.applying', true) is distinct from 'on') execute function service_record_open();
