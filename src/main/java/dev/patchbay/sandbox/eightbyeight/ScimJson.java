package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** The 8x8 SCIM API's JSON shapes: User, ListResponse and Error. */
final class ScimJson {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ScimJson() {
    }

    /** @param usersUrl the absolute URL of the Users endpoint, for {@code meta.location} */
    static ObjectNode user(SandboxUser user, Catalog catalog, String usersUrl) {
        ObjectNode node = JSON.objectNode();
        ArrayNode schemas = node.putArray("schemas");
        schemas.add(ScimUserInput.CORE_SCHEMA);
        if (user.department != null) {
            schemas.add(ScimUserInput.ENTERPRISE_SCHEMA);
        }
        schemas.add(ScimUserInput.EIGHT_BY_EIGHT_SCHEMA);
        node.put("id", user.userId);
        if (user.externalId != null) {
            node.put("externalId", user.externalId);
        }
        node.put("userName", user.userName);
        node.putObject("name").put("givenName", user.firstName).put("familyName", user.lastName)
                .put("formatted", user.firstName + " " + user.lastName);
        node.put("displayName", user.firstName + " " + user.lastName);
        node.put("active", user.active);
        node.putArray("emails").addObject().put("value", user.primaryEmail).put("type", "work").put("primary", true);
        ArrayNode phones = node.putArray("phoneNumbers");
        // 8x8: a work number is never primary.
        user.personalPhoneNumbers.forEach(phone -> phones.addObject().put("value", phone.number())
                .put("type", phone.type().toLowerCase(Locale.ROOT)).put("primary", false));
        if (user.jobTitle != null) {
            node.put("title", user.jobTitle);
        }
        node.put("locale", user.locale);
        if (user.timezone != null) {
            node.put("timezone", user.timezone);
        }
        if (user.department != null) {
            node.putObject(ScimUserInput.ENTERPRISE_SCHEMA).put("department", user.department);
        }
        ObjectNode extension = node.putObject(ScimUserInput.EIGHT_BY_EIGHT_SCHEMA);
        if (user.siteId != null) {
            catalog.siteById(user.siteId).ifPresent(site -> extension.put("site", site.name()));
        }
        node.putObject("meta").put("resourceType", "User")
                .put("created", user.createdTime.toString())
                .put("lastModified", user.lastUpdatedTime.toString())
                .put("location", usersUrl + "/" + user.userId);
        return node;
    }

    static ObjectNode list(List<ObjectNode> page, int totalResults, int startIndex) {
        ObjectNode node = JSON.objectNode();
        node.putArray("schemas").add(LIST_SCHEMA);
        node.put("totalResults", totalResults);
        node.put("startIndex", startIndex);
        node.put("itemsPerPage", page.size());
        node.putArray("Resources").addAll(page);
        return node;
    }

    static ObjectNode error(int status, String scimType, String detail) {
        ObjectNode node = JSON.objectNode();
        node.putArray("schemas").add(ERROR_SCHEMA);
        node.put("status", String.valueOf(status));
        if (scimType != null) {
            node.put("scimType", scimType);
        }
        node.put("detail", detail);
        return node;
    }
}
