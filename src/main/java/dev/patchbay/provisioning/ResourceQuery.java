package dev.patchbay.provisioning;

import java.util.List;

/**
 * A list query as SQL over the resource table aliased {@code r}: a condition with named parameters
 * {@code :p0}, {@code :p1}, … (see {@link #parameterName}) bound from {@code parameters} in order,
 * an order, and the page. The SCIM layer builds it from filter and sort parameters. {@code arrayContainment}:
 * the condition is answered by an array containment (the email-key index), which {@link ResourceReads} reads
 * by a statement of its own first.
 */
public record ResourceQuery(String condition, List<Object> parameters, boolean arrayContainment, String orderBy,
        int offset, int limit) {

    public ResourceQuery(String condition, List<Object> parameters, String orderBy, int offset, int limit) {
        this(condition, parameters, false, orderBy, offset, limit);
    }

    /**
     * The one resource with this id. Its page holds two: an id is unique, so the page is never full and its
     * total is what was found, with no {@code count(*)} (a full page would ask for one).
     */
    public static ResourceQuery byId(java.util.UUID id) {
        return new ResourceQuery("r.id = :p0", List.of(id), null, 0, 2);
    }

    public static String parameterName(int index) {
        return "p" + index;
    }
}
