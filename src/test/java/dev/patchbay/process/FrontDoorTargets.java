package dev.patchbay.process;

import dev.patchbay.bench.LoadRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 15's speed targets judged from one run's measurements at 16 clients: each is met, or the report says
 * by how much it falls short and, from the CPU each process spent per request, why.
 */
final class FrontDoorTargets {

    static final int LOOKUPS_PER_SECOND = 4_000;
    static final double LOOKUP_P99_MILLIS = 10;
    static final int CREATES_PER_SECOND = 2_000;
    static final double DISCOVERY_OF_FLOOR = 0.6;
    static final long RESIDENT_MEGABYTES = 400;

    /** One request's figures: its load run and the CPU milliseconds per request of each process. */
    record Measured(LoadRun.Result result, double gateway, double database, double generator) {

        double cpu() {
            return gateway + database + generator;
        }
    }

    private final int cores;
    private final Map<String, Measured> measured = new LinkedHashMap<>();

    FrontDoorTargets(int cores) {
        this.cores = cores;
    }

    void add(String name, Measured figures) {
        measured.put(name, figures);
    }

    /** The report's lines: a verdict per target measured, with the reason where it is missed. */
    List<String> verdicts(String floorName, String databaseFloorName, List<String> discoveryNames, String createName,
            List<String> lookupNames, long residentMegabytes) {
        List<String> lines = new ArrayList<>();
        lines.add("Against the targets (16 clients):");
        Measured databaseFloor = measured.get(databaseFloorName);
        Measured httpFloor = measured.get(floorName);
        for (String name : lookupNames) {
            Measured lookup = measured.get(name);
            if (lookup == null) {
                continue;
            }
            boolean met = lookup.result().perSecond() >= LOOKUPS_PER_SECOND
                    && lookup.result().p99Millis() <= LOOKUP_P99_MILLIS;
            lines.add(String.format(Locale.ROOT, "- %s: %s — %,.0f req/s (%.0f%% of %,d), p99 %.1f ms (target ≤ %.0f)%s",
                    name, met ? "met" : "not met", lookup.result().perSecond(),
                    100 * lookup.result().perSecond() / LOOKUPS_PER_SECOND, LOOKUPS_PER_SECOND,
                    lookup.result().p99Millis(), LOOKUP_P99_MILLIS, met ? "" : why(lookup, LOOKUPS_PER_SECOND)
                            + p99Floor(lookup, httpFloor)));
        }
        if (databaseFloor != null) {
            lines.add(String.format(Locale.ROOT, "- the database floor (a bare userName statement over JDBC from this"
                    + " JVM) costs PostgreSQL %.3f ms a request, %,.0f req/s", databaseFloor.database(),
                    databaseFloor.result().perSecond()));
        }
        for (String discoveryName : discoveryNames) {
            Measured discovery = measured.get(discoveryName);
            if (discovery != null && httpFloor != null) {
                double share = discovery.result().perSecond() / httpFloor.result().perSecond();
                lines.add(String.format(Locale.ROOT, "- %s: %s — %.0f%% of the floor (target ≥ %.0f%%)", discoveryName,
                        share >= DISCOVERY_OF_FLOOR ? "met" : "not met", 100 * share, 100 * DISCOVERY_OF_FLOOR));
            }
        }
        Measured create = measured.get(createName);
        if (create != null) {
            boolean met = create.result().perSecond() >= CREATES_PER_SECOND;
            lines.add(String.format(Locale.ROOT, "- %s: %s — %,.0f req/s (%.0f%% of %,d)%s", createName,
                    met ? "met" : "not met", create.result().perSecond(),
                    100 * create.result().perSecond() / CREATES_PER_SECOND, CREATES_PER_SECOND,
                    met ? "" : why(create, CREATES_PER_SECOND)));
        }
        lines.add(String.format(Locale.ROOT, "- resident memory after the run: %s — %,d MB (target ≤ %,d MB)",
                residentMegabytes <= RESIDENT_MEGABYTES ? "met" : "not met", residentMegabytes, RESIDENT_MEGABYTES));
        return lines;
    }

    /** Where the p99 is missed: what the static file, with no Patchbay code, had as its p99 in the same run. */
    private static String p99Floor(Measured lookup, Measured httpFloor) {
        if (httpFloor == null || lookup.result().p99Millis() <= LOOKUP_P99_MILLIS) {
            return "";
        }
        return String.format(Locale.ROOT, "; the floor's own p99 at 16 clients was %.1f ms",
                httpFloor.result().p99Millis());
    }

    /** Why a rate was missed: what a request costs in CPU, and what the target would allow. */
    private String why(Measured request, int target) {
        double allowed = cores * 1000.0 / target;
        String process = request.gateway() >= request.database() && request.gateway() >= request.generator()
                ? "the gateway" : request.database() >= request.generator() ? "PostgreSQL" : "the load generator";
        return String.format(Locale.ROOT, "; a request costs %.2f ms of CPU (gateway %.2f, PostgreSQL %.2f, load"
                + " generator %.2f), so %d cores serve at most %,.0f; %,d a second needs ≤ %.2f ms, and %s alone"
                + " takes %.0f%% of that", request.cpu(), request.gateway(), request.database(), request.generator(),
                cores, cores * 1000 / request.cpu(), target, allowed, process,
                100 * Math.max(request.gateway(), Math.max(request.database(), request.generator())) / allowed);
    }
}
