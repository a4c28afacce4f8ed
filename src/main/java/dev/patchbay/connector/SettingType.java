package dev.patchbay.connector;

/** The JSON shape a connection setting takes. */
public enum SettingType {
    STRING,
    /** An absolute http or https URL. */
    URL,
    INTEGER,
    BOOLEAN,
    /** A JSON array of strings (a comma-separated string is accepted too). */
    STRING_LIST,
    /** A JSON object of the settings in {@link Setting#fields()}. */
    OBJECT
}
