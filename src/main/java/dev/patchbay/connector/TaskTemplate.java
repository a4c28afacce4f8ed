package dev.patchbay.connector;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A human follow-up a connector declares: what kind, why, and where in the vendor console to do it.
 * {@code reason} may name the field with {@code {field}}, and the values with {@code {from}} and {@code {to}};
 * and the user's seat values with {@code {seat.email}}, {@code {seat.extension}} (a SeatField in lower case),
 * with a text for a missing value after a bar: {@code {seat.phone|no number}}. {@code taskField}, when set,
 * is the task's field written the same way ({@code did:{seat.phone|}}): what the connector needs to verify
 * the task later, when the account may be gone. The gateway fills {@code {cost}} with the monthly price at stake.
 */
public record TaskTemplate(String kind, String reason, String consolePath, String taskField) {

    private static final Pattern SEAT_VALUE = Pattern.compile("\\{seat\\.([a-z_]+)(?:\\|([^}]*))?}");

    public TaskTemplate(String kind, String reason, String consolePath) {
        this(kind, reason, consolePath, null);
    }

    public String reasonFor(SeatField field, Object from, Object to) {
        return reasonFor(field, from, to, null);
    }

    public String reasonFor(SeatField field, Object from, Object to, Seat seat) {
        return withSeat(reason, seat).replace("{field}", field == null ? "" : field.name().toLowerCase())
                .replace("{from}", String.valueOf(from))
                .replace("{to}", String.valueOf(to));
    }

    /** The task's field from the seat, when this template names one. */
    public Optional<String> fieldFor(Seat seat) {
        return Optional.ofNullable(taskField).map(template -> withSeat(template, seat));
    }

    private static String withSeat(String text, Seat seat) {
        Matcher matcher = SEAT_VALUE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = null;
            try {
                Object raw = seat == null ? null : seat.get(SeatField.valueOf(matcher.group(1).toUpperCase(Locale.ROOT)));
                value = raw instanceof Collection<?> values
                        ? values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                        : raw == null ? null : raw.toString();
            } catch (IllegalArgumentException e) {
                value = null;
            }
            String missing = matcher.group(2) == null ? "(not set)" : matcher.group(2);
            matcher.appendReplacement(result, Matcher.quoteReplacement(value == null || value.isEmpty() ? missing : value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
