package dev.patchbay.sandbox.eightbyeight;

/** A license type of the customer's pool, such as X4. */
record LicenseType(String id, String name) {
}
