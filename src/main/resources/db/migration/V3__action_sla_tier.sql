-- The client's own SLA tier when the decision was taken, kept with a migration and its penalty and
-- downgrade actions, so that charging after a restart does not depend on what the grid remembers.
ALTER TABLE actions ADD COLUMN sla_tier text;
