package dev.patchbay.sandbox.eightbyeight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An Admin API {@code User} body, checked against the published schema. A PUT replaces everything it
 * carries; the site, being immutable, is kept when a PUT leaves it out.
 */
record AdminUserInput(String userId, String customerId, String userName, String firstName, String lastName,
        boolean active, String primaryEmail, String locale, String timezone, String siteId, String department,
        String jobTitle, boolean displayInDirectory, String directoryScope, List<PersonalPhone> personalPhoneNumbers,
        List<String> licenseIds, List<Extension> extensions, List<Assignment> ringGroups,
        List<Assignment> ucCallQueues) {

    static final Pattern USER_NAME = Pattern.compile("^[A-Za-z0-9.@\\-_/]+$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    static final String DEFAULT_LOCALE = "en-US";
    private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}-[A-Z]{2}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern EXTENSION_NUMBER = Pattern.compile("^[0-9]{2,10}$");
    private static final Set<String> SCOPES = Set.of("CUSTOMER", "PBX", "SITE");
    private static final Set<String> PHONE_TYPES = Set.of("WORK", "MOBILE");
    private static final Set<String> MEMBER_TYPES = Set.of("PRIMARY", "SECONDARY");

    /**
     * @param siteRequired true at creation, where "Either site id or name must be provided"
     * @throws InvalidInput with every violation found
     */
    static AdminUserInput parse(ObjectNode body, Catalog catalog, boolean siteRequired) {
        BodyReader in = new BodyReader(false);
        ObjectNode basic = in.object(body, "basicInfo", "basicInfo");
        if (basic == null && !in.hasViolations()) {
            in.violation("basicInfo", "must not be null");
        }
        String userId = in.text(basic, "userId", "basicInfo.userId");
        String customerId = in.text(basic, "customerId", "basicInfo.customerId");
        String userName = sized(in, in.text(basic, "userName", "basicInfo.userName"), "basicInfo.userName", 3, 70);
        if (userName != null && !USER_NAME.matcher(userName).matches()) {
            in.violation("basicInfo.userName", "must match \"" + USER_NAME.pattern() + "\"");
        }
        String firstName = sized(in, in.text(basic, "firstName", "basicInfo.firstName"), "basicInfo.firstName", 2, 128);
        String lastName = sized(in, in.text(basic, "lastName", "basicInfo.lastName"), "basicInfo.lastName", 2, 30);
        String email = sized(in, in.text(basic, "primaryEmail", "basicInfo.primaryEmail"),
                "basicInfo.primaryEmail", 5, 128);
        if (email != null && !EMAIL.matcher(email).matches()) {
            in.violation("basicInfo.primaryEmail", "must be a well-formed email address");
        }
        String status = oneOf(in, in.text(basic, "status", "basicInfo.status"), "basicInfo.status",
                Set.of("ACTIVE", "INACTIVE"));
        String locale = in.text(basic, "locale", "basicInfo.locale");
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            in.violation("basicInfo.locale", "must be a locale such as en-US");
        }
        String timezone = in.text(basic, "timezone", "basicInfo.timezone");
        String siteId = site(in, catalog, in.object(basic, "site", "basicInfo.site"), siteRequired);

        ObjectNode directory = in.object(body, "directoryInfo", "directoryInfo");
        Boolean displayInDirectory = in.bool(directory, "displayInDirectory", "directoryInfo.displayInDirectory",
                false);
        String scope = oneOf(in, in.text(directory, "directoryScope", "directoryInfo.directoryScope"),
                "directoryInfo.directoryScope", SCOPES);
        String department = in.text(directory, "department", "directoryInfo.department");
        String jobTitle = in.text(directory, "jobTitle", "directoryInfo.jobTitle");
        List<PersonalPhone> phones = personalPhones(in, directory);

        ObjectNode service = in.object(body, "serviceInfo", "serviceInfo");
        List<String> licenseIds = licenses(in, catalog, service);
        List<Extension> extensions = extensions(in, catalog, service);

        ObjectNode assignment = in.object(body, "assignmentInfo", "assignmentInfo");
        List<Assignment> ringGroups = assignments(in, assignment, "ringGroups", false);
        List<Assignment> queues = assignments(in, assignment, "ucCallQueues", true);

        in.throwIfInvalid();
        return new AdminUserInput(userId, customerId, userName, firstName, lastName, !"INACTIVE".equals(status),
                email, locale, timezone, siteId, department, jobTitle,
                displayInDirectory == null || displayInDirectory, scope == null ? "CUSTOMER" : scope, phones,
                licenseIds, extensions, ringGroups, queues);
    }

    /** Writes this body over the user; a missing site leaves the user's site as it is. */
    void applyTo(SandboxUser user, Catalog catalog) {
        user.userName = userName;
        user.firstName = firstName;
        user.lastName = lastName;
        user.active = active;
        user.primaryEmail = primaryEmail;
        if (siteId != null) {
            user.siteId = siteId;
        }
        user.locale = locale == null ? DEFAULT_LOCALE : locale;
        user.timezone = timezone != null ? timezone
                : Optional.ofNullable(user.siteId).flatMap(catalog::siteById).map(Site::timezone).orElse(null);
        user.department = department;
        user.jobTitle = jobTitle;
        user.displayInDirectory = displayInDirectory;
        user.directoryScope = directoryScope;
        user.personalPhoneNumbers = personalPhoneNumbers;
        user.licenseIds = licenseIds;
        user.extensions = extensions;
        user.ringGroups = ringGroups;
        user.ucCallQueues = ucCallQueues;
    }

    private static String sized(BodyReader in, String value, String field, int min, int max) {
        if (value == null || value.isBlank()) {
            in.violation(field, "must not be blank");
            return null;
        }
        if (value.length() < min || value.length() > max) {
            in.violation(field, "size must be between " + min + " and " + max);
        }
        return value;
    }

    private static String oneOf(BodyReader in, String value, String field, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            in.violation(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }

    private static String site(BodyReader in, Catalog catalog, ObjectNode site, boolean required) {
        String id = in.text(site, "id", "basicInfo.site.id");
        String name = in.text(site, "name", "basicInfo.site.name");
        if (id == null && name == null) {
            if (required) {
                in.violation("basicInfo.site.id", "Either site id or name must be provided");
            }
            return null;
        }
        Optional<Site> byId = id == null ? Optional.empty() : catalog.siteById(id);
        Optional<Site> byName = name == null ? Optional.empty() : catalog.siteByName(name);
        if (id != null && byId.isEmpty()) {
            in.violation("basicInfo.site.id", "Site not found: " + id);
            return null;
        }
        if (name != null && byName.isEmpty()) {
            in.violation("basicInfo.site.name", "Site not found: " + name);
            return null;
        }
        if (byId.isPresent() && byName.isPresent() && !byId.get().equals(byName.get())) {
            in.violation("basicInfo.site", "Site id " + id + " and name " + name + " are different sites");
            return null;
        }
        return byId.or(() -> byName).map(Site::id).orElseThrow();
    }

    private static List<PersonalPhone> personalPhones(BodyReader in, ObjectNode directory) {
        List<PersonalPhone> phones = new ArrayList<>();
        List<JsonNode> elements = in.array(directory, "personalPhoneNumbers", "directoryInfo.personalPhoneNumbers");
        for (int i = 0; i < elements.size(); i++) {
            String field = "directoryInfo.personalPhoneNumbers[" + i + "]";
            String number = in.text(elements.get(i), "number", field + ".number");
            String type = oneOf(in, in.text(elements.get(i), "type", field + ".type"), field + ".type", PHONE_TYPES);
            if (number == null || number.isBlank()) {
                in.violation(field + ".number", "must not be blank");
            } else {
                phones.add(new PersonalPhone(number, type == null ? "WORK" : type));
            }
        }
        return List.copyOf(phones);
    }

    private static List<String> licenses(BodyReader in, Catalog catalog, ObjectNode service) {
        Set<String> ids = new LinkedHashSet<>();
        List<JsonNode> elements = in.array(service, "licenses", "serviceInfo.licenses");
        for (int i = 0; i < elements.size(); i++) {
            String field = "serviceInfo.licenses[" + i + "]";
            String id = in.text(elements.get(i), "id", field + ".id");
            String name = in.text(elements.get(i), "name", field + ".name");
            if (id == null && name == null) {
                in.violation(field + ".id", "Either license id or name must be provided");
                continue;
            }
            Optional<LicenseType> type = id != null ? catalog.licenseById(id) : catalog.licenseByName(name);
            if (type.isEmpty()) {
                in.violation(field + (id != null ? ".id" : ".name"),
                        "License not found: " + (id != null ? id : name));
            } else {
                ids.add(type.get().id());
            }
        }
        return List.copyOf(ids);
    }

    private static List<Extension> extensions(BodyReader in, Catalog catalog, ObjectNode service) {
        List<Extension> extensions = new ArrayList<>();
        List<JsonNode> elements = in.array(service, "extensions", "serviceInfo.extensions");
        for (int i = 0; i < elements.size(); i++) {
            String field = "serviceInfo.extensions[" + i + "]";
            JsonNode element = elements.get(i);
            String number = in.text(element, "extensionNumber", field + ".extensionNumber");
            if (number == null || !EXTENSION_NUMBER.matcher(number).matches()) {
                in.violation(field + ".extensionNumber", "must be 2 to 10 digits");
            }
            String licenseId = in.text(element, "licenseId", field + ".licenseId");
            if (licenseId != null && catalog.licenseById(licenseId).isEmpty()) {
                in.violation(field + ".licenseId", "License not found: " + licenseId);
            }
            Boolean display = in.bool(element, "displayInDirectory", field + ".displayInDirectory", false);
            List<Extension.DirectNumber> numbers = new ArrayList<>();
            List<JsonNode> phoneElements = in.array(element, "phoneNumbers", field + ".phoneNumbers");
            for (int j = 0; j < phoneElements.size(); j++) {
                String phoneField = field + ".phoneNumbers[" + j + "]";
                String phone = in.text(phoneElements.get(j), "phoneNumber", phoneField + ".phoneNumber");
                Boolean primary = in.bool(phoneElements.get(j), "primary", phoneField + ".primary", false);
                if (phone == null || !E164.matcher(phone).matches()) {
                    in.violation(phoneField + ".phoneNumber", "must be an E.164 phone number");
                } else {
                    numbers.add(new Extension.DirectNumber(phone, primary != null && primary));
                }
            }
            extensions.add(new Extension(number, licenseId, display == null || display, List.copyOf(numbers)));
        }
        return List.copyOf(extensions);
    }

    private static List<Assignment> assignments(BodyReader in, ObjectNode assignment, String name,
            boolean withMemberType) {
        List<Assignment> assignments = new ArrayList<>();
        List<JsonNode> elements = in.array(assignment, name, "assignmentInfo." + name);
        for (int i = 0; i < elements.size(); i++) {
            String field = "assignmentInfo." + name + "[" + i + "]";
            String id = in.text(elements.get(i), "id", field + ".id");
            String groupName = in.text(elements.get(i), "name", field + ".name");
            String memberType = withMemberType
                    ? oneOf(in, in.text(elements.get(i), "memberType", field + ".memberType"), field + ".memberType",
                            MEMBER_TYPES)
                    : null;
            if (id == null && groupName == null) {
                in.violation(field + ".id", "Either id or name must be provided");
            } else {
                assignments.add(new Assignment(id, groupName, memberType));
            }
        }
        return List.copyOf(assignments);
    }
}
