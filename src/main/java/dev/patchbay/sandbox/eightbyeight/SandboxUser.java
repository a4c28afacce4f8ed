package dev.patchbay.sandbox.eightbyeight;

import java.time.Instant;
import java.util.List;

/**
 * One user of the simulated customer, as both APIs see it: the SCIM {@code id} is the Admin API
 * {@code userId}, SCIM {@code active} is {@code status == ACTIVE}. Instances live inside {@link Customer}
 * and leave it only as copies.
 */
final class SandboxUser {

    String userId;
    String userName;
    String firstName;
    String lastName;
    boolean active = true;
    String primaryEmail;
    String locale;
    String timezone;
    String siteId;
    Instant createdTime;
    Instant lastUpdatedTime;
    String externalId;
    String department;
    String jobTitle;
    boolean displayInDirectory = true;
    String directoryScope = "CUSTOMER";
    List<PersonalPhone> personalPhoneNumbers = List.of();
    List<String> licenseIds = List.of();
    List<Extension> extensions = List.of();
    List<Assignment> ringGroups = List.of();
    List<Assignment> ucCallQueues = List.of();

    SandboxUser(String userId, Instant createdTime) {
        this.userId = userId;
        this.createdTime = createdTime;
        this.lastUpdatedTime = createdTime;
    }

    /** The lists are immutable, so a field-by-field copy is a deep one. */
    SandboxUser copy() {
        SandboxUser copy = new SandboxUser(userId, createdTime);
        copy.userName = userName;
        copy.firstName = firstName;
        copy.lastName = lastName;
        copy.active = active;
        copy.primaryEmail = primaryEmail;
        copy.locale = locale;
        copy.timezone = timezone;
        copy.siteId = siteId;
        copy.lastUpdatedTime = lastUpdatedTime;
        copy.externalId = externalId;
        copy.department = department;
        copy.jobTitle = jobTitle;
        copy.displayInDirectory = displayInDirectory;
        copy.directoryScope = directoryScope;
        copy.personalPhoneNumbers = personalPhoneNumbers;
        copy.licenseIds = licenseIds;
        copy.extensions = extensions;
        copy.ringGroups = ringGroups;
        copy.ucCallQueues = ucCallQueues;
        return copy;
    }

    String status() {
        return active ? "ACTIVE" : "INACTIVE";
    }
}
