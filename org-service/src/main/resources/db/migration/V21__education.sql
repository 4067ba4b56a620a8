-- Member education (issue 17): programs (冬训春训) with venues, courses and sessions, a teacher pool, enrolment,
-- attendance with sign-in codes, study credits, monthly rankings with reminder talks (约谈提醒), and mentoring
-- studios (书记工作室). Tables are prefixed edu_.

-- The account (token sub) a member signs in with: a member signs in to a session with a code and reads their own
-- credits and ranking position. "if not exists": another feature may link member accounts the same way.
alter table member add column if not exists account text;
create unique index if not exists member_account on member (account) where account is not null;

-- A program (培训计划) owned by a unit: its staff plan and run it, its subtree's members are its trainees.
create table edu_program (
    id                uuid primary key,
    unit_id           uuid not null references org_unit (id),
    name              text not null,
    description       text,
    starts_on         date not null,
    ends_on           date not null,
    required_credits  numeric(6, 1) not null,   -- credits a trainee needs to complete the program
    status            text not null,            -- ProgramStatus
    version           bigint not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create unique index edu_program_name on edu_program (unit_id, name);

-- The teacher pool (师资库) of a unit: internal teachers are members, external ones a name and an affiliation.
create table edu_teacher (
    id           uuid primary key,
    unit_id      uuid not null references org_unit (id),
    kind         text not null,                 -- INTERNAL | EXTERNAL
    member_id    uuid references member (id),
    name         text not null,
    affiliation  text,
    title        text,
    specialties  text[] not null default '{}',
    phone        text,
    active       boolean not null default true,
    version      bigint not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create unique index edu_teacher_member on edu_teacher (unit_id, member_id) where member_id is not null;
create unique index edu_teacher_external on edu_teacher (unit_id, name, coalesce(affiliation, '')) where member_id is null;
create index edu_teacher_unit on edu_teacher (unit_id, name);

-- Where a program is taught: classrooms for in-person courses; a main classroom (主课堂) and sub-classrooms (分课堂)
-- for video courses. A venue may be hosted by another unit, whose staff then record attendance there.
create table edu_venue (
    id            uuid primary key,
    program_id    uuid not null references edu_program (id),
    name          text not null,
    kind          text not null,               -- CLASSROOM | MAIN_CLASSROOM | SUB_CLASSROOM
    host_unit_id  uuid references org_unit (id),
    address       text,
    capacity      int,
    created_at    timestamptz not null
);
create unique index edu_venue_name on edu_venue (program_id, name);

create table edu_course (
    id           uuid primary key,
    program_id   uuid not null references edu_program (id),
    title        text not null,
    theme        text,
    teacher_id   uuid not null references edu_teacher (id),
    hours        numeric(4, 1) not null,
    credits      numeric(4, 1) not null,
    format       text not null,                -- IN_PERSON | ONLINE | VIDEO
    description  text,
    version      bigint not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create unique index edu_course_title on edu_course (program_id, title);
create index edu_course_teacher on edu_course (teacher_id);

create table edu_session (
    id          uuid primary key,
    course_id   uuid not null references edu_course (id),
    program_id  uuid not null references edu_program (id),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    held_on     date not null,                 -- the local date of starts_at
    created_at  timestamptz not null
);
create index edu_session_course on edu_session (course_id, starts_at);
create index edu_session_program on edu_session (program_id, starts_at);

create table edu_session_venue (
    session_id  uuid not null references edu_session (id),
    venue_id    uuid not null references edu_venue (id),
    primary key (session_id, venue_id)
);

create table edu_enrolment (
    program_id   uuid not null references edu_program (id),
    member_id    uuid not null references member (id),
    enrolled_at  timestamptz not null,
    primary key (program_id, member_id)
);
create index edu_enrolment_member on edu_enrolment (member_id);

-- Short-lived codes shown by staff at a venue (or online), typed by the members attending.
create table edu_sign_in_code (
    id          uuid primary key,
    session_id  uuid not null references edu_session (id),
    venue_id    uuid references edu_venue (id),
    code        text not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    issued_by   text not null
);
create index edu_sign_in_code_session on edu_sign_in_code (session_id, code);

-- One row per member and session (the primary key makes a second sign-in or a racing second clerk a no-op).
-- program, course and date are copied from the session so that reports and credits read this table alone.
create table edu_attendance (
    session_id   uuid not null references edu_session (id),
    member_id    uuid not null references member (id),
    program_id   uuid not null references edu_program (id),
    course_id    uuid not null references edu_course (id),
    venue_id     uuid references edu_venue (id),
    held_on      date not null,
    method       text not null,                -- CODE | STAFF
    recorded_by  text not null,
    recorded_at  timestamptz not null,
    primary key (session_id, member_id)
);
-- the person-times report walks members of a subtree (member_path_name) and their attendance by date here
create index edu_attendance_member on edu_attendance (member_id, held_on);
create index edu_attendance_program on edu_attendance (program_id, held_on);

-- Study credits (学分): a course's credits are earned once, on the date of the first session of it attended.
create table edu_credit (
    member_id   uuid not null references member (id),
    course_id   uuid not null references edu_course (id),
    program_id  uuid not null references edu_program (id),
    credits     numeric(4, 1) not null,
    earned_on   date not null,
    primary key (member_id, course_id)
);
create index edu_credit_program on edu_credit (program_id, earned_on, member_id);
create index edu_credit_member on edu_credit (member_id, program_id);

-- 约谈提醒: a talk with a trainee at the bottom of a month's ranking; one per trainee, program and month.
create table edu_reminder_talk (
    id           uuid primary key,
    program_id   uuid not null references edu_program (id),
    member_id    uuid not null references member (id),
    month        date not null,                -- first day of the ranked month
    talked_by    text not null,
    talked_on    date not null,
    notes        text not null,
    recorded_by  text not null,
    created_at   timestamptz not null,
    unique (program_id, month, member_id)
);

-- 书记工作室: a studio of a unit (e.g. a town), led by an experienced secretary; mentor/mentee pairs across its communities.
create table edu_studio (
    id              uuid primary key,
    unit_id         uuid not null references org_unit (id),
    name            text not null,
    lead_member_id  uuid not null references member (id),
    founded_on      date not null,
    description     text,
    version         bigint not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create unique index edu_studio_name on edu_studio (unit_id, name);

create table edu_mentorship (
    id                uuid primary key,
    studio_id         uuid not null references edu_studio (id),
    mentor_member_id  uuid not null references member (id),
    mentee_member_id  uuid not null references member (id),
    started_on        date not null,
    goals             text not null,
    status            text not null,          -- MentorshipStatus
    ended_on          date,
    outcome           text,
    progress          int not null default 0 check (progress between 0 and 100),
    version           bigint not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create unique index edu_mentorship_active_pair on edu_mentorship (studio_id, mentor_member_id, mentee_member_id) where status = 'ACTIVE';
create index edu_mentorship_studio on edu_mentorship (studio_id, started_on);

create table edu_mentoring_session (
    id             uuid primary key,
    mentorship_id  uuid not null references edu_mentorship (id),
    held_on        date not null,
    topic          text not null,
    notes          text not null,
    hours          numeric(4, 1) not null,
    progress       int check (progress between 0 and 100),
    recorded_by    text not null,
    created_at     timestamptz not null
);
create index edu_mentoring_session_pair on edu_mentoring_session (mentorship_id, held_on);
