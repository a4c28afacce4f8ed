package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An 8x8 SCIM {@code User} body (POST or PUT), checked against 8x8's documented rules: userName and
 * both names required, exactly one email (defaulting to {@code noreply@8x8.com}), the site extension
 * required and naming a site that exists.
 */
record ScimUserInput(String userName, String givenName, String familyName, Boolean active, String email,
        String externalId, String title, String locale, String timezone, String department,
        List<PersonalPhone> phoneNumbers, String siteId) {

    static final String CORE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String EIGHT_BY_EIGHT_SCHEMA = "urn:ietf:params:scim:schemas:extension:8x8:1.1:User";
    static final String DEFAULT_EMAIL = "noreply@8x8.com";

    /** @throws InvalidInput naming the first problem (SCIM errors carry one detail) */
    static ScimUserInput parse(ObjectNode body, Catalog catalog) {
        BodyReader in = new BodyReader(true);
        String userName = required(in, in.text(body, "userName", "userName"), "userName");
        ObjectNode name = in.object(body, "name", "name");
        String givenName = required(in, in.text(name, "givenName", "name.givenName"), "name.givenName");
        String familyName = required(in, in.text(name, "familyName", "name.familyName"), "name.familyName");
        Boolean active = in.bool(body, "active", "active", true);
        String email = email(in, in.array(body, "emails", "emails"));
        String externalId = in.text(body, "externalId", "externalId");
        String title = in.text(body, "title", "title");
        String locale = in.text(body, "locale", "locale");
        String timezone = in.text(body, "timezone", "timezone");
        String department = in.text(in.object(body, ENTERPRISE_SCHEMA, ENTERPRISE_SCHEMA), "department",
                ENTERPRISE_SCHEMA + ":department");
        List<PersonalPhone> phones = phones(in, in.array(body, "phoneNumbers", "phoneNumbers"));
        String siteId = site(in, catalog, in.object(body, EIGHT_BY_EIGHT_SCHEMA, EIGHT_BY_EIGHT_SCHEMA));
        in.throwIfInvalid();
        return new ScimUserInput(userName, givenName, familyName, active, email, externalId, title, locale,
                timezone, department, phones, siteId);
    }

    /** Writes the SCIM attributes over the user; Admin-API-only data (licenses, extensions…) stays. */
    void applyTo(SandboxUser user, Catalog catalog) {
        user.userName = userName;
        user.firstName = givenName;
        user.lastName = familyName;
        if (active != null) {
            user.active = active;
        }
        user.primaryEmail = email;
        user.externalId = externalId;
        user.jobTitle = title;
        user.locale = locale == null ? AdminUserInput.DEFAULT_LOCALE : locale;
        user.timezone = timezone != null ? timezone : catalog.siteById(siteId).map(Site::timezone).orElse(null);
        user.department = department;
        user.personalPhoneNumbers = phoneNumbers;
        user.siteId = siteId;
    }

    private static String required(BodyReader in, String value, String field) {
        if (value == null || value.isBlank()) {
            in.violation(field, field + " is required");
            return null;
        }
        return value;
    }

    private static String email(BodyReader in, List<JsonNode> emails) {
        if (emails.isEmpty()) {
            return DEFAULT_EMAIL;
        }
        if (emails.size() > 1) {
            in.violation("emails", "Only one email address is supported");
            return null;
        }
        String value = in.text(emails.get(0), "value", "emails[0].value");
        if (value == null || !AdminUserInput.EMAIL.matcher(value).matches()) {
            in.violation("emails[0].value", "emails[0].value must be a well-formed email address");
            return null;
        }
        return value;
    }

    private static List<PersonalPhone> phones(BodyReader in, List<JsonNode> elements) {
        List<PersonalPhone> phones = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            String field = "phoneNumbers[" + i + "]";
            String value = in.text(elements.get(i), "value", field + ".value");
            String type = Optional.ofNullable(in.text(elements.get(i), "type", field + ".type")).orElse("work");
            if (value == null || value.isBlank()) {
                in.violation(field + ".value", field + ".value is required");
            } else if (!type.equalsIgnoreCase("work") && !type.equalsIgnoreCase("mobile")) {
                in.violation(field + ".type", "phoneNumbers type must be work or mobile");
            } else {
                phones.add(new PersonalPhone(value, type.toUpperCase(Locale.ROOT)));
            }
        }
        return List.copyOf(phones);
    }

    private static String site(BodyReader in, Catalog catalog, ObjectNode extension) {
        String name = in.text(extension, "site", EIGHT_BY_EIGHT_SCHEMA + ":site");
        if (name == null || name.isBlank()) {
            in.violation(EIGHT_BY_EIGHT_SCHEMA + ":site", "site is required");
            return null;
        }
        Optional<Site> site = catalog.siteByName(name);
        if (site.isEmpty()) {
            in.violation(EIGHT_BY_EIGHT_SCHEMA + ":site", "site '" + name + "' does not exist");
            return null;
        }
        return site.get().id();
    }
}
