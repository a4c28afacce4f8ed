package dev.patchbay.connector.five9;

import dev.patchbay.connector.BatchItem;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.five9.soap.AgentGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Agent group memberships of many users: one {@code modifyAgentGroup} per group adds the users who join it
 * and removes those Patchbay put in it before ({@code previous}) who leave. Five9 refuses such a call as a
 * whole when one of its users cannot be changed (not found, or without the agent or supervisor role): the
 * call is then repeated one user at a time, so that only that user fails. A failure that is not the users'
 * (the request limit, a busy session) fails every user of the call, each retrying on its own.
 */
final class AgentGroupBatch {

    private final Five9Client five9;

    AgentGroupBatch(Five9Client five9) {
        this.five9 = five9;
    }

    /** A group's change: who joins and who leaves, each with the item it is for. */
    private static final class Change {
        final Map<Long, String> joining = new LinkedHashMap<>();
        final Map<Long, String> leaving = new LinkedHashMap<>();
    }

    Map<Long, ConnectorException> apply(List<BatchItem> items) {
        Map<String, Change> byGroup = new LinkedHashMap<>();
        for (BatchItem item : items) {
            Set<String> wanted = new LinkedHashSet<>(names(item.value()));
            Set<String> before = new LinkedHashSet<>(names(item.previous()));
            wanted.stream().filter(group -> !before.contains(group)).forEach(group ->
                    byGroup.computeIfAbsent(group, key -> new Change()).joining.put(item.id(), item.ref().id()));
            before.stream().filter(group -> !wanted.contains(group)).forEach(group ->
                    byGroup.computeIfAbsent(group, key -> new Change()).leaving.put(item.id(), item.ref().id()));
        }
        Map<Long, ConnectorException> failures = new LinkedHashMap<>();
        byGroup.forEach((group, change) -> send(group, change, failures));
        return failures;
    }

    private void send(String group, Change change, Map<Long, ConnectorException> failures) {
        change.joining.keySet().removeAll(failures.keySet());
        change.leaving.keySet().removeAll(failures.keySet());
        if (change.joining.isEmpty() && change.leaving.isEmpty()) {
            return;
        }
        try {
            modify(group, change.joining.values(), change.leaving.values());
        } catch (ConnectorException.Rejected | ConnectorException.NotFound refused) {
            if (change.joining.size() + change.leaving.size() == 1) {
                change.joining.keySet().forEach(id -> failures.put(id, refused));
                change.leaving.keySet().forEach(id -> failures.put(id, refused));
                return;
            }
            change.joining.forEach((id, userName) -> alone(id, () -> modify(group, List.of(userName), List.of()),
                    failures));
            change.leaving.forEach((id, userName) -> alone(id, () -> modify(group, List.of(), List.of(userName)),
                    failures));
        } catch (ConnectorException whole) {
            change.joining.keySet().forEach(id -> failures.put(id, whole));
            change.leaving.keySet().forEach(id -> failures.put(id, whole));
        }
    }

    private static void alone(long id, Runnable call, Map<Long, ConnectorException> failures) {
        try {
            call.run();
        } catch (ConnectorException e) {
            failures.put(id, e);
        }
    }

    private void modify(String group, Collection<String> add, Collection<String> remove) {
        AgentGroup named = new AgentGroup();
        named.setName(group);
        five9.run(port -> {
            port.modifyAgentGroup(named, List.copyOf(add), List.copyOf(remove));
            return null;
        });
    }

    private static List<String> names(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(name -> names.add(String.valueOf(name)));
        } else if (value != null) {
            names.add(value.toString());
        }
        return names;
    }
}
