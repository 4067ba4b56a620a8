-- The party-organization chain: city → district → street → community → grid → compound → building → household.

create extension if not exists pg_trgm;

-- Which levels exist, which may be a root, and which parent→child pairs are allowed. Rules are data:
-- grid and compound are each optional between community and building (DOMAIN.md §1).
create table org_level (
    level       text primary key,
    rank        int not null unique,
    may_be_root boolean not null
);
insert into org_level (level, rank, may_be_root) values
    ('CITY', 1, true), ('DISTRICT', 2, true), ('STREET', 3, true), ('COMMUNITY', 4, false),
    ('GRID', 5, false), ('COMPOUND', 6, false), ('BUILDING', 7, false);

create table level_rule (
    parent_level text not null references org_level (level),
    child_level  text not null references org_level (level),
    primary key (parent_level, child_level)
);
insert into level_rule (parent_level, child_level) values
    ('CITY', 'DISTRICT'), ('DISTRICT', 'STREET'), ('STREET', 'COMMUNITY'),
    ('COMMUNITY', 'GRID'), ('COMMUNITY', 'COMPOUND'), ('COMMUNITY', 'BUILDING'),
    ('GRID', 'COMPOUND'), ('GRID', 'BUILDING'), ('COMPOUND', 'BUILDING');

create sequence org_unit_key_seq;

-- path: the internal keys (base 36) of every ancestor and the unit itself, '/k1/k2/k3/'. With the C
-- collation, a subtree is one btree range: path >= '/k1/k2/' and path < '/k1/k2/~', which an index
-- answers for any parameter value (a LIKE with a bound prefix does not). The keys never leave the service.
create table org_unit (
    id             uuid primary key,
    key            bigint not null unique,
    code           text not null unique,
    name           text not null,
    level          text not null references org_level (level),
    form           text,            -- null: no party organization has been set up at this place yet
    established_on date,
    status         text not null,
    address        text,
    leader_name    text,
    parent_id      uuid references org_unit (id),
    path           text collate "C" not null unique,
    depth          int not null,
    dissolved_on   date,
    dissolve_reason text,
    version        bigint not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index org_unit_level_path on org_unit (level, path);
create index org_unit_children on org_unit (parent_id, code);
create index org_unit_name_trgm on org_unit using gin (name gin_trgm_ops);
-- coverage gaps, each a short range scan however large the subtree
create index org_unit_uncovered_buildings on org_unit (path)
    where level = 'BUILDING' and form is null and status = 'ACTIVE';
create index org_unit_leaderless on org_unit (path)
    where form is not null and leader_name is null and status = 'ACTIVE';

-- Roll-up counters of each unit's subtree (descendants, not the unit itself), kept current by every write
-- so that stats for a city of five million households are one primary-key read.
create table unit_rollup (
    unit_key            bigint primary key references org_unit (key),
    districts           bigint not null default 0,
    streets             bigint not null default 0,
    communities         bigint not null default 0,
    grids               bigint not null default 0,
    compounds           bigint not null default 0,
    buildings           bigint not null default 0,
    committees          bigint not null default 0,
    general_branches    bigint not null default 0,
    branches            bigint not null default 0,
    party_groups        bigint not null default 0,
    uncovered_buildings bigint not null default 0,
    leaderless_units    bigint not null default 0,
    households          bigint not null default 0,
    residents           bigint not null default 0,
    central_households  bigint not null default 0,
    served_households   bigint not null default 0
);

create table household (
    id            uuid primary key,
    building_id   uuid not null references org_unit (id),
    path          text collate "C" not null,   -- the building's path, for subtree queries
    compound      text,
    building      text,
    entrance      text not null default '',   -- 单元
    room          text not null,
    residents     int not null,
    head_name     text,
    phone         text,
    is_central    boolean not null default false,
    served_by     uuid references household (id),
    version       bigint not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create unique index household_address on household (building_id, entrance, room);
create index household_path on household (path, id);
create index household_served_by on household (served_by) where served_by is not null;
create index household_unserved on household (path, id) where served_by is null and not is_central;
create index household_central on household (path, id) where is_central;

-- 党员中心户: designations with their history; at most one current per household.
create table central_designation (
    id            uuid primary key,
    household_id  uuid not null references household (id) on delete cascade,
    plaque_on     date not null,
    designated_at timestamptz not null,
    note          text,
    revoked_at    timestamptz,
    revoke_reason text
);
create unique index central_designation_current on central_designation (household_id) where revoked_at is null;
create index central_designation_household on central_designation (household_id, designated_at);

create table import_job (
    id              uuid primary key,
    format          text not null,
    status          text not null,
    idempotency_key text unique,
    content_hash    text,
    total_rows      bigint not null default 0,
    rows_done       bigint not null default 0,
    units_created   bigint not null default 0,
    households_created bigint not null default 0,
    errors          jsonb not null default '[]',
    error_count     int not null default 0,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    heartbeat_at    timestamptz
);
create index import_job_created on import_job (created_at desc);

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
