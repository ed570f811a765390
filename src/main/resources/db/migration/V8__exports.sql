-- Exports for marketplaces (issue 6). An export profile says how one channel's products are
-- written as a file: its format, locale and currency, its columns or Google mapping, which of the
-- channel's products it takes, and how often it runs. settings: the format's part as JSON
-- (columns, mapping, feed, filters, delimiter, bom), as the API shows it. A JSON export holds all
-- the channel's locales and currencies: it has neither.
CREATE TABLE export_profile (
  channel_code   VARCHAR(100) NOT NULL REFERENCES channel (code),
  code           VARCHAR(100) NOT NULL,
  format         VARCHAR(40)  NOT NULL,
  locale_code    VARCHAR(100),
  currency_code  VARCHAR(10),
  settings       VARCHAR      NOT NULL,
  every_hours    INTEGER,
  keep_files     INTEGER      NOT NULL,
  labels         VARCHAR(20000) NOT NULL,
  version        BIGINT       NOT NULL,
  created        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (channel_code, code)
);

-- One run of a profile, done by a job in batches. The file under the data directory holds
-- file_length committed bytes (rejections_length for the rejections): a batch that rolls back, or a
-- crash, leaves bytes after them, which the next batch cuts off before it appends its own.
-- definition: the profile as it was when the export began, so an edit does not change a run.
CREATE SEQUENCE export_run_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE export_run (
  id                BIGINT       PRIMARY KEY,
  channel_code      VARCHAR(100) NOT NULL,
  profile_code      VARCHAR(100) NOT NULL,
  definition        VARCHAR      NOT NULL,
  search            VARCHAR      NOT NULL,
  updated_after     TIMESTAMP WITH TIME ZONE,
  job_id            BIGINT       NOT NULL,
  written           BIGINT       NOT NULL,
  rejected          BIGINT       NOT NULL,
  file_length       BIGINT       NOT NULL,
  rejections_length BIGINT       NOT NULL,
  complete          BOOLEAN      NOT NULL,
  created           TIMESTAMP WITH TIME ZONE NOT NULL,
  finished          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX export_run_profile ON export_run (channel_code, profile_code, id);
