package jp.madoguchi.handling;



/**
 * Published (in the withdrawing transaction) when a request's handling was ended by its requester's withdrawal, so
 * that what waits to go out for it can be stopped.
 */
public record RequestWithdrawn(long requestId, String actor) {}
