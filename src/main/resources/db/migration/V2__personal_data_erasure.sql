-- When a closed request's retention period ends, its personal data is erased; the register entry stays for audits.
ALTER TABLE desk_request ADD COLUMN personal_data_erased_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_desk_request_retain_until ON desk_request (retain_until);
