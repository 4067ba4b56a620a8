-- Issue 15, the cost of a move, second part: an audit entry kept a copy of its unit's path, so moving a community
-- rewrote every entry ever written under it (two per volunteer in the benchmark's community, and they only grow: each a
-- new row version with new entries in all five of the table's indexes). An entry now keeps its unit's id, which a move
-- never changes; the audit reads find the units of a scope or `within` in org_unit_snapshot (a path range) and read
-- their entries through audit_entry_unit. A path's last id is its unit (the V3 trigger relies on the same).

alter table audit_entry add column org_unit_id uuid;
update audit_entry set org_unit_id = substring(org_path from '([0-9a-f-]{36})/$')::uuid
    where org_path ~ '^(/[0-9a-f-]{36})+/$';

drop trigger audit_entry_org_path on audit_entry;
drop index audit_entry_path;
alter table audit_entry drop column org_path;

create index audit_entry_unit on audit_entry (org_unit_id, occurred_at desc);
