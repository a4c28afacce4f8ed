package dev.patchbay.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the IdP says about a user: the indexed fields and every attribute as SCIM JSON (canonical
 * names, extensions under their URN, without id, meta, schemas and groups).
 */
public record UserData(
        String userName,
        String externalId,
        String displayName,
        boolean active,
        List<String> emailKeys,
        ObjectNode attributes) {
}
