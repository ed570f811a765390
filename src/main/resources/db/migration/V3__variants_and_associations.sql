-- Variants (family variants, product models, variant products) and associations between products.
-- Portable SQL only: the same script runs on H2 2.x and PostgreSQL 15+.

-- A way to vary a family's products over one or two levels. Codes are unique across families
-- (a product model names its family variant by code alone, as in Akeneo).
-- attribute_sets: JSON list of {"level", "axes", "attributes"}, as the API shows it; the catalog
-- is small and its writers are serialised, so the application keeps it consistent.
CREATE TABLE family_variant (
  code           VARCHAR(100) PRIMARY KEY,
  family_code    VARCHAR(100) NOT NULL REFERENCES family (code),
  labels         VARCHAR(20000) NOT NULL,
  attribute_sets VARCHAR NOT NULL,
  version        BIGINT       NOT NULL,
  created        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX family_variant_family ON family_variant (family_code);

CREATE SEQUENCE product_model_seq START WITH 50 INCREMENT BY 50;

-- A product model holds the values of its level: the common attributes for a root model, the
-- first level's for a sub-model. axis_key is the canonical form of a sub-model's axis values;
-- unique among the children of one parent, so two siblings can never share a combination.
CREATE TABLE product_model (
  id             BIGINT       PRIMARY KEY,
  code           VARCHAR(510) NOT NULL,
  code_key       VARCHAR(510) NOT NULL UNIQUE,
  family_code    VARCHAR(100) NOT NULL REFERENCES family (code),
  family_variant VARCHAR(100) NOT NULL REFERENCES family_variant (code),
  parent_id      BIGINT       REFERENCES product_model (id),
  axis_key       VARCHAR(510),
  values_json    VARCHAR      NOT NULL,
  version        BIGINT       NOT NULL,
  created        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT product_model_axes UNIQUE (parent_id, axis_key)
);
CREATE INDEX product_model_family_variant ON product_model (family_variant);
CREATE INDEX product_model_family ON product_model (family_code);

-- A variant product names its parent model; its axis values are unique among its siblings.
ALTER TABLE product ADD COLUMN parent_id BIGINT REFERENCES product_model (id);
ALTER TABLE product ADD COLUMN axis_key VARCHAR(510);
ALTER TABLE product ADD CONSTRAINT product_axes UNIQUE (parent_id, axis_key);

-- The same reference rows as products have (see V1), so that the database refuses to delete
-- what a model uses. Models hold no unique values: those belong to variant products.
CREATE TABLE product_model_category (
  model_id      BIGINT       NOT NULL REFERENCES product_model (id) ON DELETE CASCADE,
  category_code VARCHAR(100) NOT NULL REFERENCES category (code),
  PRIMARY KEY (model_id, category_code)
);
CREATE INDEX product_model_category_category ON product_model_category (category_code);

CREATE TABLE product_model_attribute (
  model_id       BIGINT       NOT NULL REFERENCES product_model (id) ON DELETE CASCADE,
  attribute_code VARCHAR(100) NOT NULL REFERENCES attribute (code),
  PRIMARY KEY (model_id, attribute_code)
);
CREATE INDEX product_model_attribute_attribute ON product_model_attribute (attribute_code);

CREATE TABLE product_model_option (
  model_id       BIGINT       NOT NULL REFERENCES product_model (id) ON DELETE CASCADE,
  attribute_code VARCHAR(100) NOT NULL,
  option_code    VARCHAR(100) NOT NULL,
  PRIMARY KEY (model_id, attribute_code, option_code),
  FOREIGN KEY (attribute_code, option_code) REFERENCES attribute_option (attribute_code, code)
);
CREATE INDEX product_model_option_option ON product_model_option (attribute_code, option_code);

CREATE TABLE product_model_locale (
  model_id    BIGINT      NOT NULL REFERENCES product_model (id) ON DELETE CASCADE,
  locale_code VARCHAR(20) NOT NULL REFERENCES locale (code),
  PRIMARY KEY (model_id, locale_code)
);
CREATE INDEX product_model_locale_locale ON product_model_locale (locale_code);

CREATE TABLE product_model_channel (
  model_id     BIGINT       NOT NULL REFERENCES product_model (id) ON DELETE CASCADE,
  channel_code VARCHAR(100) NOT NULL REFERENCES channel (code),
  PRIMARY KEY (model_id, channel_code)
);
CREATE INDEX product_model_channel_channel ON product_model_channel (channel_code);

CREATE TABLE product_model_currency (
  model_id      BIGINT     NOT NULL REFERENCES product_model (id) ON DELETE CASCADE,
  currency_code VARCHAR(3) NOT NULL REFERENCES currency (code),
  PRIMARY KEY (model_id, currency_code)
);
CREATE INDEX product_model_currency_currency ON product_model_currency (currency_code);

CREATE TABLE association_type (
  code       VARCHAR(100) PRIMARY KEY,
  labels     VARCHAR(20000) NOT NULL,
  two_way    BOOLEAN      NOT NULL,
  quantified BOOLEAN      NOT NULL,
  version    BIGINT       NOT NULL,
  created    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One link from an owner (a product or a model) to a target (a product or a model). A two-way
-- link is stored in both directions. Rows of one owner are only changed while the owner's row is
-- locked, which keeps them free of duplicates; deleting either end deletes the link.
CREATE TABLE association (
  type_code         VARCHAR(100) NOT NULL REFERENCES association_type (code),
  owner_product_id  BIGINT REFERENCES product (id) ON DELETE CASCADE,
  owner_model_id    BIGINT REFERENCES product_model (id) ON DELETE CASCADE,
  target_product_id BIGINT REFERENCES product (id) ON DELETE CASCADE,
  target_model_id   BIGINT REFERENCES product_model (id) ON DELETE CASCADE,
  quantity          INTEGER,
  CONSTRAINT association_one_owner CHECK ((owner_product_id IS NULL) <> (owner_model_id IS NULL)),
  CONSTRAINT association_one_target CHECK ((target_product_id IS NULL) <> (target_model_id IS NULL)),
  CONSTRAINT association_quantity CHECK (quantity IS NULL OR quantity > 0)
);
CREATE INDEX association_owner_product ON association (owner_product_id);
CREATE INDEX association_owner_model ON association (owner_model_id);
CREATE INDEX association_target_product ON association (target_product_id);
CREATE INDEX association_target_model ON association (target_model_id);
CREATE INDEX association_type_code ON association (type_code);
