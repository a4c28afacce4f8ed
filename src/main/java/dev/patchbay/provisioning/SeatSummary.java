package dev.patchbay.provisioning;

import dev.patchbay.connector.Seat;
import dev.patchbay.connector.SeatField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A seat in one line for a person's task: "Ada Lovelace <ada@example.com>, userName ada, site London". */
final class SeatSummary {

    private SeatSummary() {
    }

    static String of(Seat seat) {
        List<String> parts = new ArrayList<>();
        String name = seat.has(SeatField.DISPLAY_NAME) ? seat.text(SeatField.DISPLAY_NAME)
                : String.join(" ", nonNull(seat.text(SeatField.GIVEN_NAME)), nonNull(seat.text(SeatField.FAMILY_NAME)))
                        .trim();
        String email = seat.text(SeatField.EMAIL);
        parts.add((name.isEmpty() ? nonNull(seat.text(SeatField.USER_NAME)) : name)
                + (email == null ? "" : " <" + email + ">"));
        seat.fields().forEach((field, value) -> {
            if (field != SeatField.DISPLAY_NAME && field != SeatField.GIVEN_NAME && field != SeatField.FAMILY_NAME
                    && field != SeatField.EMAIL) {
                parts.add(field.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + value);
            }
        });
        return String.join(", ", parts);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
