-- The postal address shown on the identity document the desk verified (the principal's, or the agent's when an
-- agent made the request): paper letters after the verification go there, not to the address typed at intake.
-- One row per request, replaced when staff correct it; deleted with the request's personal data. Who recorded it
-- and when is in request_event; the address itself is never written to the history.
CREATE TABLE verified_address (
    request_id          BIGINT        NOT NULL PRIMARY KEY REFERENCES desk_request (id),
    holder              VARCHAR(16)   NOT NULL,
    postal_code         VARCHAR(8)    NOT NULL,
    address_line1       VARCHAR(200)  NOT NULL,
    address_line2       VARCHAR(200),
    differs_from_intake BOOLEAN       NOT NULL,
    recorded_by         VARCHAR(64)   NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
