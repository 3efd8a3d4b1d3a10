-- A request's reference number (MDG-<year>-<number>) is drawn from its own sequence before the request's row is
-- written, so that the row is inserted once with its reference. Until now the number was the row's id, known only
-- after the insert: the row was inserted with a placeholder and then updated, and since the reference is indexed
-- (uq_desk_request_reference) that update wrote a second version of the whole row and an entry in each of the
-- table's six indexes for every request received (issue 21, session 23). The sequence starts after every id, so no
-- number given before comes again. H2 sets the start its own way (db/vendor/h2, same version).
CREATE SEQUENCE request_reference_number;
SELECT setval('request_reference_number', COALESCE(MAX(id), 0) + 1, false) FROM desk_request;
