-- The desk report counts the requests closed in a period, and the managers' record of handling lists every history
-- entry of a period: both look rows up by time, across requests, which the indexes by status and by request do not
-- answer (a scan of the whole register and its whole history, growing with the years kept).
CREATE INDEX ix_desk_request_closed ON desk_request (closed_at);
CREATE INDEX ix_request_event_occurred ON request_event (occurred_at);
