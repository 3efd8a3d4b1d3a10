/**
 * The investigation driven by the data inventory: the requester's relationship gives the categories that may hold
 * their data, the categories give the systems; each manual system's owning group gets a search task and records
 * what it found on a search sheet. Findings are personal data and stay in our tables ({@link
 * jp.madoguchi.search.SystemSearches}), never in the engine.
 */
package jp.madoguchi.search;
