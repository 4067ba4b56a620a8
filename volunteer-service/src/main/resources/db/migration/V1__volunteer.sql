-- volunteer-service: volunteers, teams, activities, sign-ups, service records, hours roll-ups,
-- certificates, and the demand / resource / project lists.

create extension if not exists btree_gist;

-- Org units this service has seen, with the ancestor chain taken from org-service when a team, volunteer,
-- demand or partner was attached to them. path = '/<rootId>/.../<unitId>/' in the C collation, so
-- "everything under unit X" is the btree range path >= X.path and path < X.path || '~'.
create table org_unit_snapshot (
    id         uuid primary key,
    name       text not null,
    level      text not null,
    path       text collate "C" not null,
    -- the community the unit belongs to (itself when it is one); null above community level
    community_path text collate "C",
    fetched_at timestamptz not null
);
create index org_unit_snapshot_path on org_unit_snapshot (path);

create table volunteer (
    id                  uuid primary key,
    name                text not null,
    phone               text not null,
    id_number           text,
    gender              text,
    skills              text[] not null default '{}',
    availability        text,
    party_member_id     uuid,
    verification_status text not null,
    verification_note   text,
    org_unit_id         uuid,
    org_unit_name       text,
    org_path            text collate "C",
    verified_minutes    bigint not null default 0,
    star_level          int not null default 0,
    version             bigint not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create unique index volunteer_phone on volunteer (phone);
create unique index volunteer_id_number on volunteer (id_number) where id_number is not null;
-- leaderboard of a subtree: a range scan of the subtree's volunteers, top-N by hours
create index volunteer_board on volunteer (org_path, verified_minutes desc) include (name, star_level);

create table team (
    id            uuid primary key,
    name          text not null,
    org_unit_id   uuid not null,
    org_unit_name text not null,
    org_path      text collate "C" not null,
    community_path text collate "C",
    category      text not null,
    description   text,
    leader_id     uuid not null references volunteer (id),
    status        text not null,
    version       bigint not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index team_path on team (org_path) where status = 'ACTIVE';
create index team_community on team (community_path, category) where status = 'ACTIVE';

create table team_member (
    team_id      uuid not null references team (id),
    volunteer_id uuid not null references volunteer (id),
    role         text not null,      -- LEADER, DEPUTY, MEMBER
    joined_at    timestamptz not null,
    primary key (team_id, volunteer_id)
);
create index team_member_volunteer on team_member (volunteer_id);

create table activity (
    id               uuid primary key,
    team_id          uuid not null references team (id),
    org_path         text collate "C" not null,
    title            text not null,
    category         text not null,
    place            text not null,
    description      text,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    capacity         int not null check (capacity > 0),
    required_skills  text[] not null default '{}',
    signup_opens_at  timestamptz,
    signup_closes_at timestamptz,
    status           text not null,   -- OPEN, CANCELLED
    checkin_code     text not null,
    confirmed_count  int not null default 0,
    waitlist_count   int not null default 0,
    version          bigint not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    check (ends_at > starts_at),
    check (confirmed_count <= capacity)
);
create index activity_team on activity (team_id, starts_at);
create index activity_path on activity (org_path, starts_at);

-- A sign-up holds its volunteer's time: the exclusion constraint refuses overlapping live sign-ups of one
-- volunteer even when two requests race. seq orders the waitlist (first come, first promoted).
create table signup (
    id           uuid primary key,
    seq          bigserial not null,
    activity_id  uuid not null references activity (id),
    volunteer_id uuid not null references volunteer (id),
    status       text not null,       -- CONFIRMED, WAITLISTED, CANCELLED
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    created_at   timestamptz not null,
    promoted_at  timestamptz,
    cancelled_at timestamptz,
    constraint signup_no_overlap exclude using gist (
        volunteer_id with =, tstzrange(starts_at, ends_at) with &&) where (status <> 'CANCELLED')
);
create unique index signup_once on signup (activity_id, volunteer_id) where status <> 'CANCELLED';
create index signup_waitlist on signup (activity_id, seq) where status = 'WAITLISTED';
create index signup_volunteer on signup (volunteer_id, starts_at);

-- One service record per volunteer and activity: check-in creates it, check-out closes it, the leader
-- verifies (possibly adjusting the minutes) or rejects it. Only VERIFIED minutes count anywhere.
create table service_record (
    id                uuid primary key,
    activity_id       uuid not null,
    volunteer_id      uuid not null,
    team_id           uuid not null,
    org_path          text collate "C" not null,
    status            text not null,      -- CHECKED_IN, SUBMITTED, VERIFIED, REJECTED
    checked_in_at     timestamptz not null,
    checked_out_at    timestamptz,
    check_in_method   text not null,      -- CODE, LEADER
    check_out_method  text,
    minutes           int,                -- computed from the check-in and check-out times
    verified_minutes  int,
    adjust_reason     text,
    reviewed_by       uuid,
    reviewed_at       timestamptz,
    review_note       text,
    version           bigint not null,
    created_at        timestamptz not null,
    unique (activity_id, volunteer_id)
);
create index service_record_volunteer on service_record (volunteer_id, checked_in_at);
create index service_record_review on service_record (team_id, checked_in_at) where status = 'SUBMITTED';

-- Roll-ups kept by verification, so that stats and leaderboards never SUM the service records:
-- verified minutes per (org unit path, year), and per (volunteer, year) with the volunteer's path.
create table unit_year_hours (
    org_path text collate "C" not null,
    year     int not null,
    minutes  bigint not null,
    records  bigint not null,
    primary key (year, org_path)
);

create table volunteer_year_hours (
    volunteer_id uuid not null,
    year         int not null,
    org_path     text collate "C",
    minutes      bigint not null,
    primary key (volunteer_id, year)
);
create index volunteer_year_board on volunteer_year_hours (year, org_path, minutes desc);

create sequence certificate_serial_seq;
create table certificate (
    id            uuid primary key,
    serial        text not null unique,
    volunteer_id  uuid not null references volunteer (id),
    team_id       uuid not null references team (id),
    issuer        text not null,
    total_minutes bigint not null,
    record_count  int not null,
    issued_at     timestamptz not null,
    pdf           bytea not null
);
create index certificate_volunteer on certificate (volunteer_id, issued_at);

create table partner (
    id            uuid primary key,
    name          text not null,
    kind          text not null,      -- CO_BUILDING_UNIT, TWO_NEW_ORGANIZATION, SOCIAL_ORGANIZATION
    org_unit_id   uuid not null,
    org_unit_name text not null,
    org_path      text collate "C" not null,
    community_path text collate "C",
    contact_name  text,
    contact_phone text,
    description   text,
    version       bigint not null,
    created_at    timestamptz not null
);
create index partner_path on partner (org_path);

create table resource (
    id           uuid primary key,
    partner_id   uuid not null references partner (id),
    org_path     text collate "C" not null,
    community_path text collate "C",
    title        text not null,
    category     text not null,
    description  text,
    quantity     text,
    status       text not null,       -- AVAILABLE, WITHDRAWN
    version      bigint not null,
    created_at   timestamptz not null
);
create index resource_community on resource (community_path, category) where status = 'AVAILABLE';
create index resource_path on resource (org_path);

create table demand (
    id              uuid primary key,
    title           text not null,
    description     text,
    category        text not null,
    urgency         text not null,    -- LOW, NORMAL, HIGH, URGENT
    place           text not null,
    required_skills text[] not null default '{}',
    requester_name  text,
    requester_phone text,
    org_unit_id     uuid not null,
    org_unit_name   text not null,
    org_path        text collate "C" not null,
    community_path  text collate "C",
    status          text not null,    -- OPEN, IN_PROJECT, CLOSED
    closed_by_project uuid,
    version         bigint not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index demand_path on demand (org_path, created_at);
create index demand_open on demand (org_path) where status <> 'CLOSED';

create table project (
    id           uuid primary key,
    name         text not null,
    kind         text not null,       -- SECRETARY_PROJECT (书记项目), PRACTICAL_MATTER (我为群众办实事), OTHER
    team_id      uuid not null references team (id),
    org_path     text collate "C" not null,
    description  text,
    status       text not null,       -- PLANNED, IN_PROGRESS, DONE, CANCELLED
    planned_start date,
    planned_end   date,
    outcome      text,
    started_at   timestamptz,
    finished_at  timestamptz,
    version      bigint not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index project_path on project (org_path, status);

create table project_demand (
    project_id uuid not null references project (id),
    demand_id  uuid not null references demand (id),
    closed     boolean not null default false,
    primary key (project_id, demand_id)
);
create index project_demand_demand on project_demand (demand_id);

create table project_resource (
    project_id  uuid not null references project (id),
    resource_id uuid not null references resource (id),
    primary key (project_id, resource_id)
);

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
