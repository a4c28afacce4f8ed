package dev.patchbay.connector;

/**
 * What a call that went through left for a person (e.g. an agent created beyond the licences, which the
 * vendor bills as an overage): raised as {@code task} for the user, its monthly cost priced as
 * {@code costLicense} (the policy's prices, else the vendor's list prices; none when neither names it).
 */
public record Notice(TaskTemplate task, String costLicense) {
}
