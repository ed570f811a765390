-- Which products a channel publishes (issue 6): enabled only, classified in its tree only, at
-- least this complete and of at least this data quality grade, on all of its locales or on any.
ALTER TABLE channel ADD COLUMN eligible_enabled_only BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE channel ADD COLUMN eligible_in_tree_only BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE channel ADD COLUMN eligible_min_completeness INTEGER DEFAULT 100 NOT NULL;
ALTER TABLE channel ADD COLUMN eligible_min_grade CHAR(1);
ALTER TABLE channel ADD COLUMN eligible_all_locales BOOLEAN DEFAULT TRUE NOT NULL;
