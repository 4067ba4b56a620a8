-- Issue 5: callers are authenticated; volunteers and residents act on their own records, and every change is audited.

-- The account (token sub) a volunteer profile belongs to: one profile per account.
alter table volunteer add column account text;
create unique index volunteer_account on volunteer (account) where account is not null;

-- The account that submitted a demand (a resident reads their own demands).
alter table demand add column submitted_by text;
create index demand_submitted_by on demand (submitted_by, created_at) where submitted_by is not null;

-- Who changed what, when, from which request. Written in the transaction of the change itself.
create table audit_entry (
    id            uuid primary key,
    occurred_at   timestamptz not null,
    actor         text not null,
    actor_name    text,
    roles         text[] not null default '{}',
    action        text not null,
    resource_type text not null,
    resource_id   text not null,
    -- the affected unit's path, for scope filtering; null when the record belongs to no unit
    org_path      text collate "C",
    request_id    text,
    summary       jsonb not null
);
create index audit_entry_path on audit_entry (org_path, occurred_at desc);
create index audit_entry_time on audit_entry (occurred_at desc);
create index audit_entry_resource on audit_entry (resource_type, resource_id, occurred_at desc);
create index audit_entry_actor on audit_entry (actor, occurred_at desc);
