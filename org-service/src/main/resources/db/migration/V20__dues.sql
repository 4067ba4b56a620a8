-- Party dues (党费, issue 17), by the rules of 中组发〔2008〕3号. Amounts are whole fen (bigint), never floating point.
-- Months are the first day of the month (date).

-- The base a branch sets for a member once a year. A correction supersedes the row and keeps it (history).
create table dues_base (
    id             uuid primary key,
    member_id      uuid not null references member (id),
    year           int not null,
    valid_from     date not null,                 -- the first month it applies to
    category       text not null,                 -- DuesCategory
    income_fen     bigint,                        -- the income base: after-tax monthly income, pension, or a quarter's average
    quarter_fen    bigint[],                      -- NO_FIXED_INCOME: the three monthly net incomes of the last quarter
    rate_bp        int,                           -- the rate in basis points (50 = 0.5 %); null for fixed amounts
    monthly_fen    bigint not null,
    note           text,
    set_by         text not null,
    version        bigint not null,
    created_at     timestamptz not null,
    superseded_at  timestamptz,
    superseded_by  uuid references dues_base (id)
);
create unique index dues_base_current on dues_base (member_id, year) where superseded_at is null;
create index dues_base_member on dues_base (member_id, valid_from);

-- One per member with a base. Months are settled in order: next_month is the first unpaid one.
-- unit_since: the first month whose liability sits with the member's current unit (a transfer moves the rest).
create table dues_account (
    member_id     uuid primary key references member (id),
    start_month   date not null,
    next_month    date not null,
    unit_since    date not null,
    closed_after  date,                            -- after an exit: nothing is owed after this month
    version       bigint not null,
    updated_at    timestamptz not null
);

-- The ledger: entries are never changed; a correction is a REVERSAL entry pointing at the payment it cancels.
create sequence dues_receipt_seq;
create table dues_receipt (
    id                    uuid primary key,
    receipt_no            text not null unique,
    kind                  text not null,           -- PAYMENT | REVERSAL
    reverses_id           uuid references dues_receipt (id),
    member_id             uuid not null references member (id),
    unit_id               uuid not null references org_unit (id),   -- the member's unit when recorded
    collected_unit_id     uuid not null references org_unit (id),   -- where the money was handed in (a mobile member's station)
    from_month            date not null,
    months                int not null,
    due_fen               bigint not null,         -- negative on a reversal
    extra_fen             bigint not null,         -- voluntary extra payment (自愿多交)
    total_fen             bigint not null,
    paid_on               date not null,
    method                text not null,
    back_payment_reason   text,
    note                  text,
    recorded_by           text not null,
    created_at            timestamptz not null
);
create unique index dues_receipt_reversed_once on dues_receipt (reverses_id) where reverses_id is not null;
create index dues_receipt_member on dues_receipt (member_id, created_at);
create index dues_receipt_unit on dues_receipt (unit_id, created_at);
create index dues_receipt_collected on dues_receipt (collected_unit_id, created_at);

-- Which months are settled, by which receipt. The primary key is what makes two clerks recording the same member's
-- month end with one payment. A reversal removes its months here; the ledger keeps both entries.
create table dues_month (
    member_id   uuid not null,
    month       date not null,
    receipt_id  uuid not null,
    due_fen     bigint not null,
    extra_fen   bigint not null,
    primary key (member_id, month)
);

-- Subtree counters per unit and month (the unit itself included), kept by every write like unit_rollup, so a
-- street's month is one key read instead of a scan of millions of paid months. liable_delta and due_delta_fen are
-- changes starting that month (the liable count of month M is their sum up to M); paid_* count the dues OF the
-- month; received_fen is the money handed in DURING the month at units of the subtree (what is remitted).
create table dues_rollup (
    unit_key        bigint not null,
    month           date not null,
    liable_delta    bigint not null default 0,
    due_delta_fen   bigint not null default 0,
    paid_members    bigint not null default 0,
    paid_due_fen    bigint not null default 0,
    paid_extra_fen  bigint not null default 0,
    received_fen    bigint not null default 0,
    primary key (unit_key, month)
);

-- A valid reason for not paying (病重, 长期外出联系不上 …) recorded by the branch: months it covers do not count
-- toward the six-month flag.
create table dues_excuse (
    id           uuid primary key,
    member_id    uuid not null references member (id),
    from_month   date not null,
    until_month  date,
    reason       text not null,
    recorded_by  text not null,
    created_at   timestamptz not null
);
create index dues_excuse_member on dues_excuse (member_id, from_month);

-- The half-yearly remittance (上缴) of a unit to the higher organization.
create table dues_remittance (
    id               uuid primary key,
    unit_id          uuid not null references org_unit (id),
    half             text not null,                -- 2026-H1
    received_fen     bigint not null,              -- what the unit's subtree had received in the half when remitting
    amount_fen       bigint not null,
    remitted_on      date not null,
    to_organization  text not null,
    note             text,
    recorded_by      text not null,
    created_at       timestamptz not null,
    unique (unit_id, half)
);
