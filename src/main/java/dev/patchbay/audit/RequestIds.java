package dev.patchbay.audit;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: an incoming {@code X-Request-Id} is kept when it is well-formed, else one is generated. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    static String honourOrGenerate(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
