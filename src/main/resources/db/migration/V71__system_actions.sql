-- What the desk did on each system of a request's search after a manager approved the decision (issue 19, ADR 0034):
-- the action (ERASURE, CORRECTION, SUSPENSION), how many rows or records it touched when the system says so, when,
-- by whom (a connector or the owning group's member) and the outcome (DONE, ACCEPTED while a callback is awaited,
-- FAILED when the system reported failure, NOT_POSSIBLE when the owning group could not carry it out). Codes and
-- counts only: what the person's data was stays in the system. Owner stays jp.madoguchi.search.SystemSearches.

ALTER TABLE search_system ADD COLUMN action_taken VARCHAR(16);
ALTER TABLE search_system ADD COLUMN action_count INTEGER;
ALTER TABLE search_system ADD COLUMN action_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE search_system ADD COLUMN action_by VARCHAR(64);
ALTER TABLE search_system ADD COLUMN action_outcome VARCHAR(16);
