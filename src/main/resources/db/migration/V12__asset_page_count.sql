-- The pages of a PDF asset, as its page tree counts them (null for other kinds, and for a PDF
-- whose pages cannot be counted: encrypted, or damaged beyond repair).
ALTER TABLE asset ADD COLUMN page_count INTEGER;
