-- The outbox's poll on H2. PostgreSQL gets a partial index of the letters still to send here
-- (db/vendor/postgresql/V5__outbox_poll_index.sql); H2 has no partial indexes. Its planner knows how many distinct
-- values a column has but not how often each occurs, so it preferred ix_outbound_letter_due (delivery first) and read
-- every e-mail ever sent on each poll. Without that index it finds the letters still to send by the poll's
-- status IN (...) in ix_outbound_letter_status, whatever the size of the table (measured: 6 ms a poll at 10k
-- letters, 25 ms at 50k, before; about 1.5 ms for both after). See docs/adr/0013-outbox-poll-index-per-database.md.
DROP INDEX ix_outbound_letter_due;
