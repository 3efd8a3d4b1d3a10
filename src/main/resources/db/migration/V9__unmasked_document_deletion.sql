-- An upload that shows a My Number or an unmasked insurer number is deleted at once (the bytes and the file name,
-- content_erased_at set); the row keeps that it was received, its kind, size and digest, and says who deleted it
-- and what it showed.
ALTER TABLE request_document ADD COLUMN content_deleted_by VARCHAR(64);
ALTER TABLE request_document ADD COLUMN unmasked_number VARCHAR(32);
