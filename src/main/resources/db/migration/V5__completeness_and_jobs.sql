-- Completeness per product, channel and locale (DESIGN decision 5), written in the same transaction
-- as the product (or by a recompute job, one product's rows at a time). missing holds the attribute
-- codes still to fill, space-separated, sorted by code.
CREATE TABLE completeness (
  product_id     BIGINT       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  channel_code   VARCHAR(100) NOT NULL,
  locale_code    VARCHAR(100) NOT NULL,
  required_count INTEGER      NOT NULL,
  missing_count  INTEGER      NOT NULL,
  ratio          INTEGER      NOT NULL,
  missing        VARCHAR      NOT NULL,
  PRIMARY KEY (product_id, channel_code, locale_code)
);

-- Background work that must survive a restart: its cursor and counters move in the same
-- transaction as each batch of its work, so a resumed job starts exactly after the last batch.
CREATE SEQUENCE job_seq START WITH 2 INCREMENT BY 1;
CREATE TABLE job (
  id           BIGINT       PRIMARY KEY,
  kind         VARCHAR(60)  NOT NULL,
  subject      VARCHAR(510),
  state        VARCHAR(20)  NOT NULL,
  done         BIGINT       NOT NULL,
  total        BIGINT       NOT NULL,
  cursor_id    BIGINT       NOT NULL,
  errors       VARCHAR      NOT NULL,
  created      TIMESTAMP WITH TIME ZONE NOT NULL,
  started      TIMESTAMP WITH TIME ZONE,
  finished     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX job_state ON job (state, id);

-- Products stored before this version have no completeness yet: the first job computes it for all.
INSERT INTO job (id, kind, subject, state, done, total, cursor_id, errors, created)
VALUES (1, 'completeness', 'all', 'QUEUED', 0, 0, 0, '', CURRENT_TIMESTAMP);

-- A recompute job walks a family's products in id order, 500 at a time: with the family index alone,
-- H2 found and sorted every product of the family after the cursor for each batch (seen in a profile:
-- most of a 200,000-product recompute). (family_code, id) gives each batch as a range, in order.
-- (H2 keeps product_family for the foreign key to family.)
CREATE INDEX product_family_id ON product (family_code, id);
