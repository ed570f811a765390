-- Vitrine schema. The same script runs on H2 2.x and PostgreSQL 15+: only portable SQL here.
-- Labels and other small maps are JSON text: SQL never looks inside them (DESIGN decision 3).

CREATE TABLE locale (
  code        VARCHAR(20)  PRIMARY KEY,
  labels      VARCHAR(4000) NOT NULL,
  version     BIGINT       NOT NULL,
  created     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE currency (
  code        VARCHAR(3)   PRIMARY KEY,
  labels      VARCHAR(4000) NOT NULL,
  decimals    INTEGER      NOT NULL,
  version     BIGINT       NOT NULL,
  created     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE category (
  code        VARCHAR(100) PRIMARY KEY,
  parent_code VARCHAR(100) REFERENCES category (code),
  labels      VARCHAR(20000) NOT NULL,
  position    INTEGER      NOT NULL,
  version     BIGINT       NOT NULL,
  created     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX category_parent ON category (parent_code, position);

CREATE TABLE channel (
  code             VARCHAR(100) PRIMARY KEY,
  labels           VARCHAR(20000) NOT NULL,
  category_tree    VARCHAR(100) NOT NULL REFERENCES category (code),
  conversion_units VARCHAR(20000) NOT NULL,
  version          BIGINT       NOT NULL,
  created          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE channel_locale (
  channel_code VARCHAR(100) NOT NULL REFERENCES channel (code) ON DELETE CASCADE,
  locale_code  VARCHAR(20)  NOT NULL REFERENCES locale (code),
  position     INTEGER      NOT NULL,
  PRIMARY KEY (channel_code, locale_code)
);
CREATE INDEX channel_locale_locale ON channel_locale (locale_code);

CREATE TABLE channel_currency (
  channel_code  VARCHAR(100) NOT NULL REFERENCES channel (code) ON DELETE CASCADE,
  currency_code VARCHAR(3)   NOT NULL REFERENCES currency (code),
  position      INTEGER      NOT NULL,
  PRIMARY KEY (channel_code, currency_code)
);
CREATE INDEX channel_currency_currency ON channel_currency (currency_code);

CREATE TABLE measurement_family (
  code          VARCHAR(100) PRIMARY KEY,
  labels        VARCHAR(20000) NOT NULL,
  standard_unit VARCHAR(100) NOT NULL,
  version       BIGINT       NOT NULL,
  created       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- conversion: JSON list of operations that turn an amount in this unit into the standard unit,
-- for example [{"operator":"mul","value":"0.001"}] for GRAM in Weight (standard KILOGRAM).
CREATE TABLE measurement_unit (
  family_code VARCHAR(100) NOT NULL REFERENCES measurement_family (code) ON DELETE CASCADE,
  code        VARCHAR(100) NOT NULL,
  labels      VARCHAR(20000) NOT NULL,
  symbol      VARCHAR(40)  NOT NULL,
  conversion  VARCHAR(4000) NOT NULL,
  position    INTEGER      NOT NULL,
  PRIMARY KEY (family_code, code)
);

CREATE TABLE attribute_group (
  code        VARCHAR(100) PRIMARY KEY,
  labels      VARCHAR(20000) NOT NULL,
  sort_order  INTEGER      NOT NULL,
  version     BIGINT       NOT NULL,
  created     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE attribute (
  code                VARCHAR(100) PRIMARY KEY,
  attribute_type      VARCHAR(40)  NOT NULL,
  group_code          VARCHAR(100) NOT NULL REFERENCES attribute_group (code),
  labels              VARCHAR(20000) NOT NULL,
  localizable         BOOLEAN      NOT NULL,
  scopable            BOOLEAN      NOT NULL,
  unique_value        BOOLEAN      NOT NULL,
  sort_order          INTEGER      NOT NULL,
  max_characters      INTEGER,
  validation_rule     VARCHAR(20),
  validation_regexp   VARCHAR(1000),
  rich_text           BOOLEAN,
  decimals_allowed    BOOLEAN,
  negative_allowed    BOOLEAN,
  number_min          NUMERIC(38, 10),
  number_max          NUMERIC(38, 10),
  metric_family       VARCHAR(100),
  default_metric_unit VARCHAR(100),
  date_min            DATE,
  date_max            DATE,
  version             BIGINT       NOT NULL,
  created             TIMESTAMP WITH TIME ZONE NOT NULL,
  updated             TIMESTAMP WITH TIME ZONE NOT NULL,
  FOREIGN KEY (metric_family, default_metric_unit) REFERENCES measurement_unit (family_code, code)
);
CREATE INDEX attribute_group_code ON attribute (group_code);
CREATE INDEX attribute_metric ON attribute (metric_family, default_metric_unit);

CREATE TABLE attribute_option (
  attribute_code VARCHAR(100) NOT NULL REFERENCES attribute (code) ON DELETE CASCADE,
  code           VARCHAR(100) NOT NULL,
  labels         VARCHAR(20000) NOT NULL,
  sort_order     INTEGER      NOT NULL,
  version        BIGINT       NOT NULL,
  created        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (attribute_code, code)
);

CREATE TABLE family (
  code               VARCHAR(100) PRIMARY KEY,
  labels             VARCHAR(20000) NOT NULL,
  attribute_as_label VARCHAR(100) REFERENCES attribute (code),
  attribute_as_image VARCHAR(100) REFERENCES attribute (code),
  version            BIGINT       NOT NULL,
  created            TIMESTAMP WITH TIME ZONE NOT NULL,
  updated            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE family_attribute (
  family_code    VARCHAR(100) NOT NULL REFERENCES family (code) ON DELETE CASCADE,
  attribute_code VARCHAR(100) NOT NULL REFERENCES attribute (code),
  PRIMARY KEY (family_code, attribute_code)
);
CREATE INDEX family_attribute_attribute ON family_attribute (attribute_code);

-- Requirements are a subset of the family's attributes; the application keeps them so.
CREATE TABLE family_requirement (
  family_code    VARCHAR(100) NOT NULL REFERENCES family (code) ON DELETE CASCADE,
  channel_code   VARCHAR(100) NOT NULL REFERENCES channel (code),
  attribute_code VARCHAR(100) NOT NULL REFERENCES attribute (code),
  PRIMARY KEY (family_code, channel_code, attribute_code)
);
CREATE INDEX family_requirement_channel ON family_requirement (channel_code);

-- Products. values_json holds every value in the standard format (DESIGN decision 3).
-- The product_* tables below are projections of it, rewritten on every save, that let the
-- database itself refuse to delete a category, option, attribute, locale, channel or currency
-- a product still uses, and enforce unique values even between concurrent writers.
-- EclipseLink takes each value as the last id of a block of 50, so the first value is 50.
CREATE SEQUENCE product_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE product (
  id             BIGINT       PRIMARY KEY,
  identifier     VARCHAR(510) NOT NULL,
  identifier_key VARCHAR(510) NOT NULL UNIQUE,
  family_code    VARCHAR(100) REFERENCES family (code),
  enabled        BOOLEAN      NOT NULL,
  values_json    VARCHAR      NOT NULL,
  version        BIGINT       NOT NULL,
  created        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX product_family ON product (family_code);

CREATE TABLE product_category (
  product_id    BIGINT       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  category_code VARCHAR(100) NOT NULL REFERENCES category (code),
  PRIMARY KEY (product_id, category_code)
);
CREATE INDEX product_category_category ON product_category (category_code);

CREATE TABLE product_attribute (
  product_id     BIGINT       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  attribute_code VARCHAR(100) NOT NULL REFERENCES attribute (code),
  PRIMARY KEY (product_id, attribute_code)
);
CREATE INDEX product_attribute_attribute ON product_attribute (attribute_code);

CREATE TABLE product_option (
  product_id     BIGINT       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  attribute_code VARCHAR(100) NOT NULL,
  option_code    VARCHAR(100) NOT NULL,
  PRIMARY KEY (product_id, attribute_code, option_code),
  FOREIGN KEY (attribute_code, option_code) REFERENCES attribute_option (attribute_code, code)
);
CREATE INDEX product_option_option ON product_option (attribute_code, option_code);

CREATE TABLE product_locale (
  product_id  BIGINT      NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  locale_code VARCHAR(20) NOT NULL REFERENCES locale (code),
  PRIMARY KEY (product_id, locale_code)
);
CREATE INDEX product_locale_locale ON product_locale (locale_code);

CREATE TABLE product_channel (
  product_id   BIGINT       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  channel_code VARCHAR(100) NOT NULL REFERENCES channel (code),
  PRIMARY KEY (product_id, channel_code)
);
CREATE INDEX product_channel_channel ON product_channel (channel_code);

CREATE TABLE product_currency (
  product_id    BIGINT     NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  currency_code VARCHAR(3) NOT NULL REFERENCES currency (code),
  PRIMARY KEY (product_id, currency_code)
);
CREATE INDEX product_currency_currency ON product_currency (currency_code);

-- value_key: the value in canonical form (lower-cased text, plain-string numbers, ISO dates)
CREATE TABLE product_unique_value (
  attribute_code VARCHAR(100) NOT NULL REFERENCES attribute (code),
  value_key      VARCHAR(510) NOT NULL,
  product_id     BIGINT       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  PRIMARY KEY (attribute_code, value_key)
);
CREATE INDEX product_unique_value_product ON product_unique_value (product_id);

-- The outbox (DESIGN decision 2). seq is gap-free and in commit order: writers take the next
-- numbers from event_counter, whose row lock they hold until they commit.
CREATE TABLE event_counter (
  name     VARCHAR(40) PRIMARY KEY,
  last_seq BIGINT      NOT NULL
);
INSERT INTO event_counter (name, last_seq) VALUES ('change_event', 0);

CREATE TABLE change_event (
  seq         BIGINT       PRIMARY KEY,
  entity_type VARCHAR(40)  NOT NULL,
  entity_code VARCHAR(510) NOT NULL,
  entity_id   BIGINT,
  action      VARCHAR(20)  NOT NULL,
  version     BIGINT       NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX change_event_entity ON change_event (entity_type, entity_code);

-- Moves on with every committed catalog write, in the same transaction. Product writers compare
-- it, in their commit turn, with the generation of the schema they judged values against.
CREATE TABLE catalog_generation (
  id         INTEGER PRIMARY KEY,
  generation BIGINT  NOT NULL
);
INSERT INTO catalog_generation (id, generation) VALUES (1, 0);
