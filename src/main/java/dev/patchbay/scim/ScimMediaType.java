package dev.patchbay.scim;

/** The SCIM media type (RFC 7644 §3.1); plain JSON is accepted on requests too. */
public final class ScimMediaType {

    public static final String SCIM_JSON = "application/scim+json";

    private ScimMediaType() {
    }
}
