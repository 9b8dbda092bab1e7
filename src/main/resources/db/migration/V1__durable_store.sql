-- Arbiter's durable store: decisions, action states, the ledger and shadow-slot reservations.
-- Instants are nanoseconds since the epoch (bigint, exact; columns ending in _ns).
-- Names of enums are their wire names (API.md).

CREATE TABLE decisions (
    decision_id      text PRIMARY KEY,
    seq              bigserial NOT NULL,
    platform_id      text NOT NULL,
    trigger_id       text,
    self_raised      boolean NOT NULL,
    reason           text NOT NULL,
    severity         text NOT NULL,
    need_cpu         double precision NOT NULL,
    need_memory      double precision NOT NULL,
    beneficiary      text,
    rule_revision    text,
    policy_version   text,
    decided_ns       bigint,
    wanted_cpu       double precision,
    wanted_memory    double precision,
    shortfall_cpu    double precision,
    shortfall_memory double precision,
    excluded_reasons text[] NOT NULL,
    excluded_counts  integer[] NOT NULL,
    rules_fired      text[] NOT NULL,
    explanation      text,
    action_ids       text[] NOT NULL
);
CREATE INDEX decisions_by_platform ON decisions (platform_id, decided_ns);
CREATE INDEX decisions_in_order ON decisions (decided_ns, seq);

-- One row per action in its newest state; steps counts its history, so an older state never
-- replaces a newer one.
CREATE TABLE actions (
    action_id    text PRIMARY KEY,
    decision_id  text,
    type         text NOT NULL,
    platform_id  text,
    instance_id  text,
    client_id    text,
    cvs          double precision NOT NULL,
    reason       text,
    status       text NOT NULL,
    final        boolean NOT NULL,
    steps        integer NOT NULL,
    step_status  text[] NOT NULL,
    step_ns      bigint[] NOT NULL,
    step_note    text[] NOT NULL
);
CREATE INDEX actions_by_decision ON actions (decision_id);
CREATE INDEX actions_unfinished ON actions (decision_id) WHERE NOT final;

-- Append-only: penalties and SLA downgrades, one row per entry id.
CREATE TABLE ledger (
    entry_id    text PRIMARY KEY,
    seq         bigserial NOT NULL,
    client_id   text NOT NULL,
    decision_id text NOT NULL,
    type        text NOT NULL,
    amount      numeric,
    currency    text,
    from_tier   text,
    to_tier     text,
    until_ns    bigint,
    time_ns     bigint NOT NULL
);
CREATE INDEX ledger_by_client ON ledger (client_id, time_ns, seq);
CREATE INDEX ledger_downgrades ON ledger (until_ns) WHERE type = 'downgrade';

-- Shadow slots held by migrations: one holder per slot.
CREATE TABLE reservations (
    slot_id     text PRIMARY KEY,
    action_id   text NOT NULL,
    reserved_at timestamptz NOT NULL DEFAULT now()
);
