-- Whether a product or model owns association rows, so that reading one without links (most of a
-- catalog) skips the association query. Writers of links keep it exact; deleting a link's target
-- may leave it TRUE on an owner that has no links left, which only costs that owner the query.
ALTER TABLE product ADD COLUMN linked BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE product_model ADD COLUMN linked BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE product SET linked = TRUE WHERE id IN (SELECT owner_product_id FROM association);
UPDATE product_model SET linked = TRUE WHERE id IN (SELECT owner_model_id FROM association);
