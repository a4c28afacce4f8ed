package dev.patchbay.admin;

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

    private ConnectionPayloads() {
    }

    public record CreateConnection(
            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String id,
            @NotNull @Size(max = 63) String vendor,
            @NotBlank @Size(max = 200) String displayName,
            Map<String, Object> settings) {
    }

    /** A full update: displayName and settings are replaced; id and vendor, if sent, must not change. */
    public record UpdateConnection(
            String id,
            String vendor,
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
            Instant updatedAt,
            VendorHealth.Checked health) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
