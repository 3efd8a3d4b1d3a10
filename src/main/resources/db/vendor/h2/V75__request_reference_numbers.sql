-- A request's reference number (MDG-<year>-<number>) is drawn from its own sequence before the request's row is
-- written, so that the row is inserted once with its reference (see db/vendor/postgresql, same version: the number
-- was the row's id, set by an update after the insert). The sequence starts after every id, so no number given
-- before comes again; H2 has no setval, but restarts a sequence at a query's value.
CREATE SEQUENCE request_reference_number;
ALTER SEQUENCE request_reference_number RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM desk_request);
