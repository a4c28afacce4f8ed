package dev.patchbay.connector;

import java.util.Arrays;
import java.util.Optional;

/** The vendor platforms Patchbay provisions, by the name used in the admin API and the database. */
public enum VendorKind {
    FIVE9("five9"),
    GENESYS("genesys"),
    EIGHT_BY_EIGHT("eightbyeight"),
    VBC("vbc"),
    VCC("vcc");

    public static final String WIRE_NAME_PATTERN = "five9|genesys|eightbyeight|vbc|vcc";

    private final String wireName;

    VendorKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<VendorKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
