package dev.patchbay.scim.dialect;

/** The SCIM resource type a request body or filter belongs to. */
public enum ResourceKind {
    USER,
    GROUP
}
