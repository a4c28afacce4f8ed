package dev.patchbay.secrets;

import static org.junit.jupiter.api.Assertions.assertTrue;

final class Texts {

    private Texts() {
    }

    static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected '" + part + "' in: " + text);
        }
    }
}
