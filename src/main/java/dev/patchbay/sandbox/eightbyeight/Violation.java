package dev.patchbay.sandbox.eightbyeight;

/** One thing wrong with a request body: the attribute path and what is wrong with it. */
record Violation(String field, String message) {
}
