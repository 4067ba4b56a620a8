-- consultation-service: topics and their stages, meetings, owners' votes, resolutions, evaluations, disclosures.
-- Org units live in org-service; here only a snapshot (id, name, level, org_path). org_path is
-- '/<rootId>/.../<unitId>/' in the C collation, so "everything under unit X" is the btree range
-- org_path >= '/../X/' and org_path < '/../X/~'.

create table topic (
    id             uuid primary key,
    title          text not null,
    description    text not null,
    category       text not null,
    scope_unit_id  uuid not null,
    scope_name     text not null,
    scope_level    text not null,
    org_path       text collate "C" not null,
    proposer       text not null,
    stage          text not null,
    consensus      text,
    consensus_by   text,
    consensus_at   timestamptz,
    version        bigint not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index topic_org_path on topic (org_path, created_at);
create index topic_stage on topic (stage, created_at);

-- every stage change with who and why
create table topic_transition (
    id         uuid primary key,
    topic_id   uuid not null references topic (id),
    from_stage text not null,
    to_stage   text not null,
    actor      text not null,
    reason     text not null,
    at         timestamptz not null
);
create index topic_transition_topic on topic_transition (topic_id, at);

create table meeting (
    id         uuid primary key,
    title      text not null,
    format     text not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz,
    place      text not null,
    convener   text not null,
    org_path   text collate "C" not null,
    status     text not null,
    minutes    text,
    minutes_by text,
    held_at    timestamptz,
    version    bigint not null,
    created_at timestamptz not null
);
create index meeting_org_path on meeting (org_path, starts_at);

create table meeting_topic (
    meeting_id uuid not null references meeting (id),
    topic_id   uuid not null references topic (id),
    primary key (meeting_id, topic_id)
);
create index meeting_topic_topic on meeting_topic (topic_id);

create table meeting_party (
    meeting_id uuid not null references meeting (id),
    party      text not null,
    name       text not null,
    primary key (meeting_id, party, name)
);

create table meeting_registration (
    id            uuid primary key,
    meeting_id    uuid not null references meeting (id),
    person_name   text not null,
    party         text not null,
    registered_at timestamptz,
    attended_at   timestamptz,
    unique (meeting_id, person_name, party)
);

create table meeting_opinion (
    id         uuid primary key,
    meeting_id uuid not null references meeting (id),
    party      text not null,
    speaker    text,
    topic_id   uuid references topic (id),
    opinion    text not null,
    seq        int not null
);
create index meeting_opinion_meeting on meeting_opinion (meeting_id, seq);

create table meeting_follow_up (
    id          uuid primary key,
    meeting_id  uuid not null references meeting (id),
    description text not null,
    owner       text not null,
    due_on      date,
    done_at     timestamptz,
    seq         int not null
);

-- Votes. Areas are integers in 0.01 m² (centi-square-metres): thresholds are compared by integer
-- cross-multiplication, never in floating point. The tally counters on the vote row are updated in the
-- same transaction as each ballot, under the vote's row lock, which also serializes the hash chain.
create table vote (
    id               uuid primary key,
    topic_id         uuid not null references topic (id),
    title            text not null,
    question         text not null,
    matter           text not null,
    rule             text not null,
    building         text,
    entrance         text,
    opens_at         timestamptz not null,
    closes_at        timestamptz not null,
    status           text not null,
    total_units      bigint not null default 0,
    total_owners     bigint not null default 0,
    total_area       bigint not null default 0,
    yes_owners       bigint not null default 0,
    yes_units        bigint not null default 0,
    yes_area         bigint not null default 0,
    no_owners        bigint not null default 0,
    no_units         bigint not null default 0,
    no_area          bigint not null default 0,
    abstain_owners   bigint not null default 0,
    abstain_units    bigint not null default 0,
    abstain_area     bigint not null default 0,
    online_ballots   bigint not null default 0,
    proxy_ballots    bigint not null default 0,
    paper_ballots    bigint not null default 0,
    last_seq         bigint not null default 0,
    last_hash        text not null,
    outcome          text,
    opened_at        timestamptz,
    closed_at        timestamptz,
    created_by       text not null,
    version          bigint not null,
    created_at       timestamptz not null
);
create index vote_topic on vote (topic_id, created_at);
create index vote_open on vote (closes_at) where status = 'OPEN';

-- One row per unit (专有部分) on the roll. owner_key identifies the owner: several units, one owner.
create table elector (
    vote_id    uuid not null references vote (id),
    unit_id    text not null,
    owner_key  text not null,
    owner_name text not null,
    building   text,
    entrance   text,
    area       bigint,
    primary key (vote_id, unit_id)
);
create index elector_owner on elector (vote_id, owner_key);

-- The owners of a vote, aggregated from the roll when the vote opens: the head count counts each once.
create table vote_owner (
    vote_id    uuid not null references vote (id),
    owner_key  text not null,
    owner_name text not null,
    units      int not null,
    area       bigint not null,
    primary key (vote_id, owner_key)
);

create table ballot (
    id             uuid primary key,
    vote_id        uuid not null references vote (id),
    seq            bigint not null,
    owner_key      text not null,
    choice         text not null,
    units          int not null,
    area           bigint not null,
    channel        text not null,
    proxy_name     text,
    authorization_ref text,
    evidence_ref   text,
    entered_by     text,
    cast_at        timestamptz not null,
    prev_hash      text not null,
    hash           text not null,
    unique (vote_id, seq),
    unique (vote_id, owner_key)
);

-- Ballots are immutable once cast: the database refuses to change or delete them.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are append-only', TG_TABLE_NAME;
end $$;
create trigger ballot_no_update before update or delete on ballot for each row execute function refuse_change();

create table resolution (
    id               uuid primary key,
    topic_id         uuid not null references topic (id),
    text             text not null,
    basis            text not null,
    vote_id          uuid references vote (id),
    consensus        text,
    responsible_party text not null,
    notice_days      int not null,
    status           text not null,
    published_at     timestamptz,
    notice_ends_at   timestamptz,
    project_id       text,
    project_status   text,
    project_title    text,
    project_started_at timestamptz,
    created_by       text not null,
    version          bigint not null,
    created_at       timestamptz not null
);
create index resolution_topic on resolution (topic_id, created_at);

create table objection (
    id            uuid primary key,
    resolution_id uuid not null references resolution (id),
    owner_name    text not null,
    unit_id       text,
    text          text not null,
    filed_at      timestamptz not null,
    answer        text,
    answered_by   text,
    answered_at   timestamptz
);
create index objection_resolution on objection (resolution_id, filed_at);

create table resolution_task (
    id            uuid primary key,
    resolution_id uuid not null references resolution (id),
    title         text not null,
    owner         text not null,
    due_on        date not null,
    progress      int not null,
    status        text not null,
    version       bigint not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index resolution_task_resolution on resolution_task (resolution_id, created_at);

create table task_progress (
    id        uuid primary key,
    task_id   uuid not null references resolution_task (id),
    progress  int not null,
    note      text not null,
    actor     text not null,
    at        timestamptz not null
);
create index task_progress_task on task_progress (task_id, at);

create table evaluation (
    id          uuid primary key,
    topic_id    uuid not null references topic (id),
    participant text not null,
    rating      int not null check (rating between 1 and 5),
    comment     text,
    created_at  timestamptz not null,
    unique (topic_id, participant)
);

-- Disclosure ledgers: one head row per compound and fund holds the balance and the last sequence number;
-- entries are append-only (corrections are new entries referencing the corrected one).
create table ledger (
    compound_id   uuid not null,
    fund          text not null,
    compound_name text not null,
    org_path      text collate "C" not null,
    balance       bigint not null,
    last_seq      bigint not null,
    primary key (compound_id, fund)
);

create table disclosure (
    id            uuid primary key,
    compound_id   uuid not null,
    fund          text not null,
    seq           bigint not null,
    kind          text not null,
    direction     text not null,
    amount        bigint not null check (amount > 0),
    balance_after bigint not null,
    occurred_on   date not null,
    summary       text not null,
    counterparty  text,
    voucher_ref   text,
    corrects_id   uuid references disclosure (id),
    reason        text,
    recorded_by   text not null,
    recorded_at   timestamptz not null,
    unique (compound_id, fund, seq)
);
create unique index disclosure_one_reversal on disclosure (corrects_id) where kind = 'REVERSAL';
create trigger disclosure_no_update before update or delete on disclosure for each row execute function refuse_change();

create table idempotency_record (
    idempotency_key text not null,
    endpoint        text not null,
    request_hash    text not null,
    status          int,
    content_type    text,
    body            text,
    location        text,
    etag            text,
    created_at      timestamptz not null,
    primary key (idempotency_key, endpoint)
);
create index idempotency_record_created on idempotency_record (created_at);

-- Every org unit seen in a snapshot, with its path, so that "?within=<unit>" filters resolve to a path
-- range without asking org-service (reads keep working when it is down).
create table known_unit (
    id       uuid primary key,
    org_path text collate "C" not null
);
