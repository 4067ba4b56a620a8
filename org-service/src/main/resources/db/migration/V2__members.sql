-- Party members, posts, mobile members, transfers and organization life (issue 3).

-- Leaders are posts now: has_leader is kept by post writes (an active SECRETARY, or GROUP_LEADER for a GROUP).
-- leader_name stays as a display snapshot of the current holder's name.
alter table org_unit add column has_leader boolean not null default false;
drop index org_unit_leaderless;
create index org_unit_leaderless on org_unit (path)
    where form is not null and not has_leader and status = 'ACTIVE';

alter table unit_rollup
    add column members_applicant          bigint not null default 0,
    add column members_activist           bigint not null default 0,
    add column members_development_target bigint not null default 0,
    add column members_probationary       bigint not null default 0,
    add column members_full               bigint not null default 0,
    add column mobile_members             bigint not null default 0;

-- path: the unit's path (rewritten when the unit moves), so "members under X" is one range.
-- name uses the C collation so that a name prefix is a btree range too: (path, name) answers
-- "name starts with P within a community" from the index alone.
create table member (
    id                 uuid primary key,
    unit_id            uuid not null references org_unit (id),
    path               text collate "C" not null,
    name               text collate "C" not null,
    gender             text not null,
    birth_date         date not null,
    ethnicity          text,
    education          text,
    phone              text,
    id_number          text,
    household_id       uuid references household (id),
    status             text not null,
    status_on          date not null,
    admitted_on        date,           -- became probationary
    probation_ends_on  date,           -- admitted_on + 1 year, later when extended
    is_mobile          boolean not null default false,
    version            bigint not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index member_path_name on member (path, name);
create index member_unit on member (unit_id) where status not in ('TRANSFERRED_OUT', 'DECEASED', 'REMOVED');
create unique index member_id_number on member (id_number) where id_number is not null;
create index member_household on member (household_id) where household_id is not null;

-- every step of the pipeline and every exit, with its date: the member's history
create table member_step (
    id          uuid primary key,
    member_id   uuid not null references member (id),
    status      text not null,
    on_date     date not null,
    note        text,
    recorded_at timestamptz not null
);
create index member_step_member on member_step (member_id, recorded_at);

create table post (
    id            uuid primary key,
    unit_id       uuid not null references org_unit (id),
    role          text not null,
    member_id     uuid references member (id),
    holder_name   text not null,
    starts_on     date not null,
    term_ends_on  date,
    ended_on      date,           -- null: the post is held now
    end_reason    text,
    version       bigint not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create unique index post_one_secretary on post (unit_id) where role = 'SECRETARY' and ended_on is null;
create unique index post_one_group_leader on post (unit_id) where role = 'GROUP_LEADER' and ended_on is null;
create index post_unit on post (unit_id, starts_on);
create index post_member on post (member_id, starts_on) where member_id is not null;

-- 流动党员: the member stays with the origin; the station (any unit, possibly in another city's tree) sees them too
create table mobile_outflow (
    id                  uuid primary key,
    member_id           uuid not null references member (id),
    destination_city    text not null,
    destination_address text,
    reason              text not null,
    contact_phone       text,
    left_on             date not null,
    expected_return_on  date,
    station_unit_id     uuid references org_unit (id),
    registered_on       date,
    returned_on         date,
    version             bigint not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create unique index mobile_outflow_current on mobile_outflow (member_id) where returned_on is null;
create index mobile_outflow_station on mobile_outflow (station_unit_id) where returned_on is null;

-- 组织关系转接
create table transfer (
    id              uuid primary key,
    member_id       uuid not null references member (id),
    kind            text not null,            -- INTERNAL | EXTERNAL
    from_unit_id    uuid not null references org_unit (id),
    to_unit_id      uuid references org_unit (id),
    external_org    text,
    letter_number   text,
    reason          text,
    status          text not null,
    initiated_on    date not null,
    decided_on      date,
    decision_note   text,
    version         bigint not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create unique index transfer_one_pending on transfer (member_id) where status = 'PENDING';
create index transfer_member on transfer (member_id, created_at);
create index transfer_from on transfer (from_unit_id, created_at);
create index transfer_to on transfer (to_unit_id, created_at) where to_unit_id is not null;

-- 三会一课: which organization forms must hold which meeting how often. Rules are data.
create table meeting_type (
    type          text primary key,
    credit_hours  numeric(4, 1) not null
);
insert into meeting_type (type, credit_hours) values
    ('GENERAL_MEETING', 2), ('COMMITTEE_MEETING', 1), ('GROUP_MEETING', 1), ('PARTY_LECTURE', 2), ('THEME_DAY', 2);

create table life_rule (
    meeting_type   text not null references meeting_type (type),
    form           text not null,
    period_months  int not null check (period_months in (1, 3, 6, 12)),
    min_count      int not null check (min_count > 0),
    primary key (meeting_type, form)
);
insert into life_rule (meeting_type, form, period_months, min_count) values
    ('GROUP_MEETING', 'GROUP', 1, 1),
    ('COMMITTEE_MEETING', 'BRANCH', 1, 1),
    ('COMMITTEE_MEETING', 'GENERAL_BRANCH', 1, 1),
    ('COMMITTEE_MEETING', 'COMMITTEE', 1, 1),
    ('GENERAL_MEETING', 'BRANCH', 3, 1),
    ('PARTY_LECTURE', 'BRANCH', 3, 1);

create table meeting (
    id            uuid primary key,
    unit_id       uuid not null references org_unit (id),
    type          text not null references meeting_type (type),
    held_on       date not null,
    topic         text not null,
    credit_hours  numeric(4, 1) not null,
    version       bigint not null,
    created_at    timestamptz not null
);
create index meeting_unit on meeting (unit_id, type, held_on);
create index meeting_held on meeting (held_on, unit_id);

create table attendance (
    meeting_id  uuid not null references meeting (id) on delete cascade,
    member_id   uuid not null references member (id),
    status      text not null,            -- PRESENT | EXCUSED | ABSENT
    primary key (meeting_id, member_id)
);
create index attendance_member on attendance (member_id);
