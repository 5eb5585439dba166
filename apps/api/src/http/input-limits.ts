/**
 * Structural limits every body and query is held to before anything costly runs: JSON.parse itself (600 KB of
 * 60,000 fresh keys takes 60-200 ms), class-transformer (it de-duplicates an object's keys pairwise) and class-validator
 * (ArrayUnique compares items pairwise). One such request would hold the event loop, so every other request waited.
 * No request of ours comes near these (test/api/request-cost.e2e-spec.ts checks every body and query of the OpenAPI
 * document against them).
 */

/** Far deeper input would overflow the stack of the recursive steps that follow. */
export const MAX_INPUT_DEPTH = 32;

/** Properties of one object (a body, a query, or an object inside them). */
export const MAX_PROPERTIES_PER_OBJECT = 64;

/** Items of one array (the longest list a request may carry is 500 client ids). */
export const MAX_ARRAY_ITEMS = 1_000;

/** Properties and array items of a whole request, all levels together. */
export const MAX_INPUT_ENTRIES = 2_000;

/** An error body and its log line list this many problems, then say how many more there were. */
export const MAX_LISTED_PROBLEMS = 20;

/** A field name or a problem text is cut after this many characters (an unknown key can be 500 KB long). */
export const MAX_FIELD_NAME_LENGTH = 100;
export const MAX_PROBLEM_LENGTH = 200;
