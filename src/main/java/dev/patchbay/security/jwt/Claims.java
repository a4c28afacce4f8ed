package dev.patchbay.security.jwt;

import java.util.Map;

/** Reads a claim by name, or by a dotted path into nested objects such as {@code realm_access.roles}. */
public final class Claims {

    private Claims() {
    }

    public static Object at(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
