package dev.patchbay.admin;

import dev.patchbay.connector.VendorKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request and response bodies of {@code /admin/v1/connections}. */
public final class ConnectionPayloads {

    static final String SLUG = "[a-z0-9-]{3,63}";
    static final String SLUG_MESSAGE = "must be 3 to 63 characters of a-z, 0-9 and '-'";
    static final String VENDOR_MESSAGE = "must be one of five9, genesys, eightbyeight, vbc, vcc";

    private ConnectionPayloads() {
    }

    public record CreateConnection(
            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String id,
            @NotNull @Pattern(regexp = VendorKind.WIRE_NAME_PATTERN, message = VENDOR_MESSAGE) String vendor,
            @NotBlank @Size(max = 200) String displayName,
            Map<String, Object> settings) {
    }

    /** A full update: displayName and settings are replaced; id and vendor, if sent, must not change. */
    public record UpdateConnection(
            String id,
            @Pattern(regexp = VendorKind.WIRE_NAME_PATTERN, message = VENDOR_MESSAGE) String vendor,
            @NotBlank @Size(max = 200) String displayName,
            Map<String, Object> settings) {
    }

    public record ConnectionView(
            String id,
            String vendor,
            String displayName,
            Map<String, Object> settings,
            List<String> secretSettings,
            String scimBaseUrl,
            Instant createdAt,
            Instant updatedAt) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
