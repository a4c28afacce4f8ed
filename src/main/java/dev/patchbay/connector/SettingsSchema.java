package dev.patchbay.connector;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings a vendor's connections take, checked when a connection is saved: every unknown, missing
 * or malformed setting is named at once. {@code anyOf} lists groups of which at least one must be set
 * (Genesys: a region or the explicit URLs); {@code together} lists settings that need each other.
 */
public record SettingsSchema(List<Setting> settings, List<List<String>> anyOf, List<List<String>> together) {

    public SettingsSchema {
        settings = List.copyOf(settings);
        anyOf = anyOf.stream().map(List::copyOf).toList();
        together = together.stream().map(List::copyOf).toList();
    }

    public static SettingsSchema of(Setting... settings) {
        return new SettingsSchema(List.of(settings), List.of(), List.of());
    }

    public static SettingsSchema none() {
        return of();
    }

    public SettingsSchema anyOf(String... names) {
        List<List<String>> groups = new ArrayList<>(anyOf);
        groups.add(List.of(names));
        return new SettingsSchema(settings, groups, together);
    }

    public SettingsSchema together(String... names) {
        List<List<String>> groups = new ArrayList<>(together);
        groups.add(List.of(names));
        return new SettingsSchema(settings, anyOf, groups);
    }

    public Optional<Setting> setting(String name) {
        return settings.stream().filter(setting -> setting.name().equals(name)).findFirst();
    }

    /** The dotted paths of the secret settings, nested ones too ("taskWebhook.secret"). */
    public Set<String> secretNames() {
        Set<String> names = new java.util.HashSet<>();
        for (Setting setting : settings) {
            if (setting.secret()) {
                names.add(setting.name());
            }
            if (setting.fields() != null) {
                setting.fields().secretNames().forEach(nested -> names.add(setting.name() + "." + nested));
            }
        }
        return Set.copyOf(names);
    }

    /** This schema and {@code other} together (the vendor's settings and those of every connection). */
    public SettingsSchema and(SettingsSchema other) {
        List<Setting> all = new ArrayList<>(settings);
        all.addAll(other.settings);
        List<List<String>> anyOfAll = new ArrayList<>(anyOf);
        anyOfAll.addAll(other.anyOf);
        List<List<String>> togetherAll = new ArrayList<>(together);
        togetherAll.addAll(other.together);
        return new SettingsSchema(all, anyOfAll, togetherAll);
    }

    /** The values of settings this schema declares. */
    public Map<String, Object> only(Map<String, Object> values) {
        Map<String, Object> known = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (setting(key).isPresent()) {
                known.put(key, value);
            }
        });
        return known;
    }

    /** The stored settings with each unset default filled in. */
    public Map<String, Object> withDefaults(Map<String, Object> values) {
        Map<String, Object> filled = new LinkedHashMap<>(values);
        for (Setting setting : settings) {
            if (setting.defaultValue() != null && filled.get(setting.name()) == null) {
                filled.put(setting.name(), setting.defaultValue());
            }
        }
        return filled;
    }

    /** Every problem with {@code values}, each named by its setting ("settings.clientId"). */
    public List<SettingViolation> validate(Map<String, Object> values) {
        List<SettingViolation> violations = new ArrayList<>();
        for (String key : values.keySet()) {
            if (setting(key).isEmpty()) {
                violations.add(new SettingViolation(key, "is not a setting of this vendor; known settings: "
                        + settings.stream().map(Setting::name).collect(Collectors.joining(", "))));
            }
        }
        for (Setting setting : settings) {
            Object value = values.get(setting.name());
            if (absent(value)) {
                if (setting.required()) {
                    violations.add(new SettingViolation(setting.name(), "is required: " + setting.description()));
                }
                continue;
            }
            problem(setting, value).ifPresent(message -> violations.add(new SettingViolation(setting.name(), message)));
            if (setting.fields() != null && value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> members = (Map<String, Object>) nested;
                setting.fields().validate(members).forEach(inner -> violations.add(
                        new SettingViolation(setting.name() + "." + inner.setting(), inner.message())));
            }
        }
        for (List<String> group : anyOf) {
            if (group.stream().allMatch(name -> absent(values.get(name)))) {
                violations.add(new SettingViolation(group.get(0), "is required, or instead "
                        + String.join(" or ", group.subList(1, group.size()))));
            }
        }
        for (List<String> group : together) {
            boolean someSet = group.stream().anyMatch(name -> !absent(values.get(name)));
            for (String name : group) {
                if (someSet && absent(values.get(name))) {
                    violations.add(new SettingViolation(name, "is required together with "
                            + group.stream().filter(other -> !other.equals(name)).collect(Collectors.joining(", "))));
                }
            }
        }
        return violations;
    }

    private static boolean absent(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }

    private static Optional<String> problem(Setting setting, Object value) {
        switch (setting.type()) {
            case STRING -> {
                if (!(value instanceof String text)) {
                    return Optional.of("must be a string");
                }
                if (!setting.allowed().isEmpty() && !setting.allowed().contains(text)) {
                    return Optional.of("must be one of " + String.join(", ", setting.allowed()));
                }
            }
            case URL -> {
                if (!(value instanceof String text) || !isHttpUrl(text)) {
                    return Optional.of("must be an absolute http or https URL");
                }
            }
            case INTEGER -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    return Optional.of("must be a whole number");
                }
                long number = ((Number) value).longValue();
                if (setting.minimum() != null && number < setting.minimum()
                        || setting.maximum() != null && number > setting.maximum()) {
                    return Optional.of("must be from " + setting.minimum() + " to " + setting.maximum());
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    return Optional.of("must be true or false");
                }
            }
            case OBJECT -> {
                if (!(value instanceof Map<?, ?>)) {
                    return Optional.of("must be a JSON object");
                }
            }
            case STRING_LIST -> {
                boolean strings = value instanceof String
                        || value instanceof List<?> list && list.stream().allMatch(item -> item instanceof String);
                if (!strings) {
                    return Optional.of("must be a list of strings");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
