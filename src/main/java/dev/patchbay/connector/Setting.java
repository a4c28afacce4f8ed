package dev.patchbay.connector;

import java.util.List;

/**
 * One setting a vendor's connections take: its name and type, whether it is required, whether it is a
 * secret (write-only in the admin API, encrypted at rest), its default, a description for forms, and
 * optionally the values it may take or a numeric range.
 */
public record Setting(String name, SettingType type, boolean required, boolean secret, Object defaultValue,
        String description, List<String> allowed, Long minimum, Long maximum, SettingsSchema fields) {

    public Setting {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public static Setting of(String name, SettingType type, String description) {
        return new Setting(name, type, false, false, null, description, List.of(), null, null, null);
    }

    /** A JSON object setting whose members are {@code fields}. */
    public static Setting object(String name, String description, SettingsSchema fields) {
        return new Setting(name, SettingType.OBJECT, false, false, null, description, List.of(), null, null, fields);
    }

    public Setting asRequired() {
        return new Setting(name, type, true, secret, defaultValue, description, allowed, minimum, maximum, fields);
    }

    public Setting asSecret() {
        return new Setting(name, type, required, true, defaultValue, description, allowed, minimum, maximum, fields);
    }

    public Setting withDefault(Object value) {
        return new Setting(name, type, required, secret, value, description, allowed, minimum, maximum, fields);
    }

    public Setting oneOf(List<String> values) {
        return new Setting(name, type, required, secret, defaultValue, description, values, minimum, maximum, fields);
    }

    public Setting range(long min, long max) {
        return new Setting(name, type, required, secret, defaultValue, description, allowed, min, max, fields);
    }
}
