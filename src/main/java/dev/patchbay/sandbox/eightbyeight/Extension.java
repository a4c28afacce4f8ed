package dev.patchbay.sandbox.eightbyeight;

import java.util.List;

/** {@code serviceInfo.extensions[]}: an extension number, unique in the customer, with its DIDs. */
record Extension(String extensionNumber, String licenseId, boolean displayInDirectory, List<DirectNumber> phoneNumbers) {

    record DirectNumber(String phoneNumber, boolean primary) {
    }
}
