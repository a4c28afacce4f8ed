package dev.patchbay.connector;

import java.util.List;

/**
 * One page of a vendor's accounts ({@link Operation#LIST}): the accounts, the cursor of the next page
 * (null on the last), the vendor's count of all accounts where it tells one (null where it does not), and
 * the vendor calls the page took (listing and reads), which count against the connection's rate limit.
 */
public record AccountPage(List<ListedAccount> accounts, String nextCursor, Long total, int vendorCalls) {

    public AccountPage {
        accounts = List.copyOf(accounts);
    }

    public boolean last() {
        return nextCursor == null;
    }
}
