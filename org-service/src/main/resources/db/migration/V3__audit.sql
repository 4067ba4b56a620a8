-- Audit log (issue 5): one row per write, written in the same transaction as the change.
-- org_path: the affected unit's path (C collation) so that "entries inside my scope" is one btree range per scope unit.
create table audit_entry (
    id            uuid primary key,
    occurred_at   timestamptz not null,
    actor         text not null,
    actor_name    text,
    roles         text[] not null,
    action        text not null,
    resource_type text not null,
    resource_id   text not null,
    org_path      text collate "C",
    request_id    text,
    summary       jsonb not null default '{}'::jsonb
);

create index audit_entry_path on audit_entry (org_path, occurred_at desc);
create index audit_entry_time on audit_entry (occurred_at desc, id);
create index audit_entry_resource on audit_entry (resource_type, resource_id, occurred_at desc);
create index audit_entry_actor on audit_entry (actor, occurred_at desc);

-- Imports (issue 5): the unit the imported rows go under (null: whole-tree import by a CITY_ADMIN); a job is
-- visible in that unit's scope, and every row must land inside its subtree.
alter table import_job add column parent_path text collate "C";
alter table import_job add column created_by text;
create index import_job_parent on import_job (parent_path, created_at desc);
