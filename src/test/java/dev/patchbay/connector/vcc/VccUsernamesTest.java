package dev.patchbay.connector.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented rule from IdP userName to VCC username. */
class VccUsernamesTest {

    @ParameterizedTest
    @CsvSource({
            "{userName}, jane.doe@example.com, jane_doe_example_com",
            "{userName}, Jane-Doe+cc@example.com, Jane_Doe_cc_example_com",
            "{localPart}, jane.doe@example.com, jane_doe",
            "vcc_{localPart}_{domain}, ann@corp.example, vcc_ann_corp_example",
            "{userName}, plainname, plainname"})
    void theTemplateIsFilledInAndEveryOtherCharacterBecomesAnUnderscore(String template, String idp, String vcc) {
        assertEquals(vcc, new VccUsernames(template).of(idp));
    }

    @Test
    void aTemplateMustNameTheUser() {
        assertTrue(VccUsernames.usable("{userName}"));
        assertTrue(VccUsernames.usable("x_{localPart}"));
        assertFalse(VccUsernames.usable("everyone"));
    }
}
