-- Where an action takes its instance: for a migration, the shadow slot; for a penalty or a
-- downgrade, the migrate action it belongs to.
ALTER TABLE actions ADD COLUMN target text;
