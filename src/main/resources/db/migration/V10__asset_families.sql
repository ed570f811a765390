-- Asset families (issue 7): what kinds of file an asset of the family may be, the renditions made
-- of its images, and the naming convention that links an uploaded file to a product. renditions:
-- the specs as the API shows them (JSON, by rendition code). naming_*: the regular expression over
-- file names and the asset collection attribute it fills.
CREATE TABLE asset_family (
  code             VARCHAR(100)  PRIMARY KEY,
  media_kinds      VARCHAR(100)  NOT NULL,
  renditions       VARCHAR       NOT NULL,
  naming_pattern   VARCHAR(1000),
  naming_attribute VARCHAR(100)  REFERENCES attribute (code),
  labels           VARCHAR(20000) NOT NULL,
  version          BIGINT        NOT NULL,
  created          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated          TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE asset ADD COLUMN family_code VARCHAR(100) REFERENCES asset_family (code);

-- Codes are told apart without regard to case, as product values name them: "Front.jpg" and
-- "front.jpg" would be one asset to a merchandiser and two to the database.
ALTER TABLE asset ADD COLUMN code_key VARCHAR(255);
UPDATE asset SET code_key = LOWER(code);
ALTER TABLE asset ALTER COLUMN code_key SET NOT NULL;
CREATE UNIQUE INDEX asset_code_key ON asset (code_key);
CREATE INDEX asset_family_code ON asset (family_code, code);

-- An asset collection attribute may take only the assets of one family.
ALTER TABLE attribute ADD COLUMN asset_family VARCHAR(100) REFERENCES asset_family (code);

-- The assets products and product models use, like V1's other reference tables: the database
-- refuses to delete an asset a product still shows. V11 (a Java migration, in
-- io.vitrine.product.migration) fills them from the values written before.
CREATE TABLE product_asset (
  product_id BIGINT       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  asset_code VARCHAR(255) NOT NULL REFERENCES asset (code),
  PRIMARY KEY (product_id, asset_code)
);
CREATE INDEX product_asset_asset ON product_asset (asset_code);

CREATE TABLE product_model_asset (
  model_id   BIGINT       NOT NULL REFERENCES product_model (id) ON DELETE CASCADE,
  asset_code VARCHAR(255) NOT NULL REFERENCES asset (code),
  PRIMARY KEY (model_id, asset_code)
);
CREATE INDEX product_model_asset_asset ON product_model_asset (asset_code);
