package dev.patchbay.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the IdP says about a group, apart from its members. */
public record GroupData(String displayName, String externalId, ObjectNode attributes) {
}
