package dev.patchbay.scim.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Removes JSON {@code null} members at any depth and drops {@code null} array elements: RFC 7643 §2.5 treats null
 * as unassigned, but the SDK and our validation would otherwise see a present attribute of the wrong type.
 *
 * <p>Entra ID, user provisioning (tutorial "Develop and plan provisioning for a SCIM endpoint", example 2; with and
 * without {@code aadOptscim062020}):
 * <pre>{@code
 * {
 *    "schemas":
 *    [
 *      "urn:ietf:params:scim:schemas:core:2.0:User",
 *      "urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
 *    "externalId":"jyoung",
 *    "userName":"jyoung@testuser.com",
 *    "active":true,
 *    "addresses":null,
 *    "displayName":"Joy Young",
 *    "emails": [
 *      {
 *        "type":"work",
 *        "value":"jyoung@Contoso.com",
 *        "primary":true}],
 *    "meta": {
 *      "resourceType":"User"},
 *     "name":{
 *      "familyName":"Young",
 *      "givenName":"Joy"},
 *    "phoneNumbers":null,
 *    "preferredLanguage":null,
 *    "title":null,
 *    "department":null,
 *    "manager":null}
 * }</pre>
 * Entra also sends null sub-attributes inside multi-valued attributes, e.g. {@code "formatted": null} in an element
 * of {@code addresses} (better-auth issue #11015), and {@code "$ref": null} in group members.
 */
final class NullMembersRule implements ResourceRule {

    @Override
    public void apply(ResourceKind kind, ObjectNode body) {
        JsonNulls.strip(body);
    }
}
