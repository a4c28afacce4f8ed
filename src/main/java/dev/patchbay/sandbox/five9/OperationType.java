package dev.patchbay.sandbox.five9;

import java.util.List;

/** Five9's request types ({@code apiOperationType}) the simulated operations count against. */
enum OperationType {
    Query("query", 450, 15_000, 172_800),
    Modify("modify", 140, 7_200, 172_800),
    /** getCallCountersState: "No limit is set for this request." */
    Unlimited(null, 0, 0, 0);

    static final List<OperationType> LIMITED = List.of(Query, Modify);

    private final String settingPrefix;
    private final long perMinute;
    private final long perHour;
    private final long perDay;

    OperationType(String settingPrefix, long perMinute, long perHour, long perDay) {
        this.settingPrefix = settingPrefix;
        this.perMinute = perMinute;
        this.perHour = perHour;
        this.perDay = perDay;
    }

    String settingPrefix() {
        return settingPrefix;
    }

    long defaultLimit(LimitWindow window) {
        return switch (window) {
            case MINUTE -> perMinute;
            case HOUR -> perHour;
            case DAY -> perDay;
        };
    }
}
