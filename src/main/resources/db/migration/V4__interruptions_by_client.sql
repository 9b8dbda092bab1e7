-- A decision that interrupts counts its clients' recent interruptions before it is kept
-- (the disruption budget, enforced across members): interrupt actions by client.
CREATE INDEX actions_interrupts_by_client ON actions (client_id) WHERE type = 'interrupt';
