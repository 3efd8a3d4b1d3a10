package jp.madoguchi.request;

import java.time.Instant;

/** One entry of a request's history: who did what, when. */
public record RequestEvent(long id, long requestId, Instant occurredAt, String actor, String eventType, String detail) {}
