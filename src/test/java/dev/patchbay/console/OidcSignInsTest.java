package dev.patchbay.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The PKCE challenge against the example of RFC 7636, appendix B (the test provider computes it the same way). */
class OidcSignInsTest {

    @Test
    void theChallengeIsTheRfc7636S256OfTheVerifier() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                OidcSignIns.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }
}
