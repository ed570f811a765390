-- Data quality (issue 5): what the rules need from the catalog, and the result next to completeness.

-- Text attributes holding GTINs (EAN-8, UPC-A, EAN-13, GTIN-14): their check digit is verified.
ALTER TABLE attribute ADD COLUMN gtin BOOLEAN;
UPDATE attribute SET gtin = FALSE WHERE attribute_type = 'text';

-- Rule codes switched off for a group's attributes, space-separated.
ALTER TABLE attribute_group ADD COLUMN disabled_quality_rules VARCHAR(2000) DEFAULT '' NOT NULL;

-- How long a product title should be on a channel; null: no bound.
ALTER TABLE channel ADD COLUMN title_min_length INTEGER;
ALTER TABLE channel ADD COLUMN title_max_length INTEGER;

-- Per product, channel and locale: the score (0 to 100), its grade (A to E) and the problems found,
-- as a JSON array of {rule, attribute, message}.
ALTER TABLE completeness ADD COLUMN quality_score INTEGER DEFAULT 100 NOT NULL;
ALTER TABLE completeness ADD COLUMN quality_grade CHAR(1) DEFAULT 'A' NOT NULL;
ALTER TABLE completeness ADD COLUMN quality_issues VARCHAR DEFAULT '[]' NOT NULL;

-- Products stored before this version have no quality yet: a recompute of all gives it to them,
-- unless the first completeness job (id 1) is still queued and will. Id 0 is never handed out by
-- job_seq, which starts at 2.
INSERT INTO job (id, kind, subject, state, done, total, cursor_id, errors, created)
SELECT 0, 'completeness', 'all', 'QUEUED', 0, 0, 0, '', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM job WHERE kind = 'completeness' AND subject = 'all' AND state = 'QUEUED');
