package dev.patchbay.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every JSON body is read with a nesting limit ({@code patchbay.http.max-json-depth}): a deeply nested
 * document is refused while parsing, before it costs stack or memory. The error names the limit.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    private final int maxDepth;

    public JsonLimits(@ConfigProperty(name = "patchbay.http.max-json-depth", defaultValue = "64") int maxDepth) {
        this.maxDepth = maxDepth;
    }

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .build());
    }
}
