package dev.patchbay.connector;

/**
 * A human follow-up a connector declares: what kind, why, and where in the vendor console to do it.
 * {@code reason} may name the field with {@code {field}}, and the values with {@code {from}} and {@code {to}}.
 */
public record TaskTemplate(String kind, String reason, String consolePath) {

    public String reasonFor(SeatField field, Object from, Object to) {
        return reason.replace("{field}", field == null ? "" : field.name().toLowerCase())
                .replace("{from}", String.valueOf(from))
                .replace("{to}", String.valueOf(to));
    }
}
