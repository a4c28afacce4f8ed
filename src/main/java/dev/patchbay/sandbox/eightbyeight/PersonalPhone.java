package dev.patchbay.sandbox.eightbyeight;

/** {@code directoryInfo.personalPhoneNumbers[]}; the SCIM {@code phoneNumbers} show the same numbers. */
record PersonalPhone(String number, String type) {
}
