-- Digital assets (issue 7, DESIGN decision 8): the bytes live under the data directory, named by
-- their SHA-256 (assets/ab/cd/<sha256>), once however many assets share them; a row holds what
-- Vitrine read of them. media_type is detected from the content, never taken from the client.
-- Width and height are as the image is shown: after its EXIF orientation.
CREATE TABLE asset (
  code          VARCHAR(255) PRIMARY KEY,
  file_name     VARCHAR(255) NOT NULL,
  media_type    VARCHAR(100) NOT NULL,
  kind          VARCHAR(20)  NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  width         INTEGER,
  height        INTEGER,
  orientation   INTEGER,
  color_space   VARCHAR(40),
  duration_ms   BIGINT,
  version       BIGINT       NOT NULL,
  created       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX asset_sha256 ON asset (sha256);
