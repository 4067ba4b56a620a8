-- Issue 5: callers are authenticated; residents act on their own records, and every change is audited.

-- The account (token sub) an elector belongs to: that resident casts their own ballot online and reads it.
alter table elector add column account text;
create index elector_account on elector (account, vote_id) where account is not null;

-- The account that proposed a topic (a resident reads their own proposals before they become public).
alter table topic add column proposed_by text;
create index topic_proposed_by on topic (proposed_by, created_at) where proposed_by is not null;

-- The account that rated a topic: one evaluation per account and topic.
alter table evaluation add column account text;
create unique index evaluation_account on evaluation (topic_id, account) where account is not null;

-- Published resolutions are public notices: listed newest first without a scope filter.
create index resolution_published on resolution (published_at desc) where status = 'PUBLISHED';

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
    -- the affected unit's path, for scope filtering
    org_path      text collate "C",
    request_id    text,
    summary       jsonb not null
);
create index audit_entry_path on audit_entry (org_path, occurred_at desc);
create index audit_entry_time on audit_entry (occurred_at desc);
create index audit_entry_resource on audit_entry (resource_type, resource_id, occurred_at desc);
create index audit_entry_actor on audit_entry (actor, occurred_at desc);
