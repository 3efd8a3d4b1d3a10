-- The investigation driven by the data inventory (issue 16): the requester's relationship chosen at the check, the
-- systems to search (from the inventory's rule, or added or removed by staff with a reason), what each system's
-- owning group found, and per category whether the person's data was found. Findings are personal data: they are
-- kept here, never in the engine. Keyed by request id + system code / category code, as the disclosure package is.
-- One owner: jp.madoguchi.search.SystemSearches.

CREATE TABLE search_plan (
    request_id    BIGINT      NOT NULL PRIMARY KEY REFERENCES desk_request (id),
    relationship  VARCHAR(32) NOT NULL,
    chosen_by     VARCHAR(64) NOT NULL,
    chosen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One system of a request's search: ORIGIN RULE (follows from the relationship) or ADDED (by staff, with a reason);
-- REMOVED with a reason when staff take it out; WITHHELD when a My Number request must not go to its owning group
-- (not entitled to specific personal information, ADR 0028).
CREATE TABLE search_system (
    request_id     BIGINT         NOT NULL REFERENCES desk_request (id),
    system_code    VARCHAR(64)    NOT NULL,
    origin         VARCHAR(16)    NOT NULL,
    removed        BOOLEAN        NOT NULL,
    reason         VARCHAR(1000),
    decided_by     VARCHAR(64),
    withheld       BOOLEAN        NOT NULL,
    found          BOOLEAN,
    finding        VARCHAR(4000),
    recorded_by    VARCHAR(64),
    recorded_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (request_id, system_code)
);

-- Per category that may hold the person's data: found or not (null until staff say).
CREATE TABLE search_category (
    request_id     BIGINT      NOT NULL REFERENCES desk_request (id),
    category_code  VARCHAR(64) NOT NULL,
    found          BOOLEAN     NOT NULL,
    recorded_by    VARCHAR(64) NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, category_code)
);
