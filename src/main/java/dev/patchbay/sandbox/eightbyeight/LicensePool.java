package dev.patchbay.sandbox.eightbyeight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The license types the customer bought and how many of each; who holds them is counted from the users. */
final class LicensePool {

    private final Map<String, LicenseType> byId = new LinkedHashMap<>();
    private final Map<String, Integer> totals = new LinkedHashMap<>();

    static LicensePool initial() {
        LicensePool pool = new LicensePool();
        pool.setTotal("X2", 5);
        pool.setTotal("X4", 5);
        pool.setTotal("X6", 2);
        return pool;
    }

    /** Sets the total of a type, adding the type when the pool has none of that name. */
    void setTotal(String name, int total) {
        LicenseType type = byName(name).orElseGet(() -> {
            LicenseType added = new LicenseType("lic-" + name.toLowerCase(Locale.ROOT), name);
            byId.put(added.id(), added);
            return added;
        });
        totals.put(type.id(), total);
    }

    Optional<LicenseType> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<LicenseType> byName(String name) {
        return byId.values().stream().filter(type -> type.name().equalsIgnoreCase(name)).findFirst();
    }

    int total(String id) {
        return totals.getOrDefault(id, 0);
    }

    List<LicenseType> types() {
        return new ArrayList<>(byId.values());
    }
}
