package jp.madoguchi.correspondence;

import jp.madoguchi.correspondence.OutboundLetter.Delivery;

/** Published in the transaction that queued a letter; the sender acts on it only once that transaction commits. */
record LetterQueued(long letterId, Delivery delivery) {}
