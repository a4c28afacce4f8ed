package dev.patchbay.provisioning;

import java.util.List;

public record QueryResult<T>(List<T> items, long total) {
}
