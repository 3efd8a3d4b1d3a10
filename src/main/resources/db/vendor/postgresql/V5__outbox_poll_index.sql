-- The outbox's poll (Outbox.DUE, on every node, every poll-interval) asks for the e-mails still to send, oldest
-- first, at most batch-size of them. Nearly every letter in the table is SENT. When the planner's statistics were
-- taken while many letters waited (a burst, an SMTP outage), it expects the first batch within the first rows of
-- the primary key and walks it, filtering every letter ever sent (8-20 ms a poll at 10-20k letters, growing with the
-- table), until the next ANALYZE, which may be days away.
--
-- This index holds only the letters still to send: it is as small as the queue. The poll repeats its predicate
-- (status IN ...), which lets the planner read the index without re-checking it, and makes this index the cheaper
-- path whatever the statistics say. It replaces ix_outbound_letter_due, which served only the poll. See
-- docs/adr/0013-outbox-poll-index-per-database.md; H2 gets db/vendor/h2/V5__outbox_poll_index.sql.
CREATE INDEX ix_outbound_letter_to_send ON outbound_letter (id)
    WHERE delivery = 'EMAIL' AND status IN ('QUEUED', 'RETRY', 'SENDING');
DROP INDEX ix_outbound_letter_due;
