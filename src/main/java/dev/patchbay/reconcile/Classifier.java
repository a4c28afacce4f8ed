package dev.patchbay.reconcile;

import dev.patchbay.connector.ListedAccount;
import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.ReconciliationRules;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Puts a vendor account in its situation, with the action the connection's policy chooses for it. */
final class Classifier {

    private Classifier() {
    }

    /** {@code shown}: the fields the vendor's listing always shows in full ({@code Listing.shown}). */
    static Finding classify(ListedAccount account, Optional<AccountMatcher.Link> link,
            Optional<AccountMatcher.Match> match, PolicyDocument policy, Set<SeatField> shown) {
        Seat vendor = account.seat();
        if (link.isPresent()) {
            Seat applied = link.get().applied();
            List<Drift> drift = applied == null ? List.of() : Drift.between(applied, vendor, shown);
            Situation situation = drift.isEmpty() ? Situation.IN_SYNC : Situation.DRIFT;
            return finding(account, link.get().userId(), link.get().idpActive(), situation, drift,
                    license(vendor, applied), policy);
        }
        if (match.isPresent() && match.get().linkedTo() == null) {
            return finding(account, match.get().userId(), match.get().idpActive(), Situation.UNLINKED_MATCH,
                    List.of(), license(vendor, null), policy);
        }
        // No user, or the matching user is linked to another account (a duplicate): nobody's seat.
        return finding(account, null, null, Situation.ORPHAN, List.of(), license(vendor, null), policy);
    }

    /** A linked account the vendor no longer has. */
    static Finding missing(AccountMatcher.Link link, PolicyDocument policy) {
        Seat applied = link.applied();
        return new Finding(0, link.vendorRef(), link.userId(), Situation.IDP_ONLY.apiName(),
                applied == null ? link.userName() : applied.text(SeatField.USER_NAME),
                applied == null ? null : applied.text(SeatField.EMAIL), applied == null ? null : applied.text(SeatField.LICENSE),
                applied == null ? null : applied.text(SeatField.PHONE), null, link.idpActive(), null, false, List.of(), action(Situation.IDP_ONLY, policy), false);
    }

    private static Finding finding(ListedAccount account, java.util.UUID userId, Boolean idpActive,
            Situation situation, List<Drift> drift, String license, PolicyDocument policy) {
        return new Finding(0, account.ref().id(), userId, situation.apiName(), account.keys().userName(),
                account.keys().email(), license, account.seat().text(SeatField.PHONE), account.seat().active(), idpActive, account.lastLogin(),
                account.neverLoggedIn(), drift, action(situation, policy), false);
    }

    /** The vendor's license; where its read shows none (VBC's line type), the one Patchbay applied. */
    private static String license(Seat vendor, Seat applied) {
        String license = vendor.text(SeatField.LICENSE);
        return license != null || applied == null ? license : applied.text(SeatField.LICENSE);
    }

    static String action(Situation situation, PolicyDocument policy) {
        return situation.policyName() == null ? ReconciliationRules.REPORT
                : ReconciliationRules.action(policy, situation.policyName());
    }
}
