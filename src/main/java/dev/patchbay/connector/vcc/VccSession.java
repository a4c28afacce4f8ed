package dev.patchbay.connector.vcc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.connector.kit.ClientCredentialsTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * What all jobs of one connection share: the OAuth token source, the account's user listing (VCC cannot
 * filter users, so {@code find} pages through all of them; a wave of creates reuses one listing for a
 * short while), the skill and group catalogues, and the backoff after fair-use refusals.
 */
final class VccSession {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration LONGEST_BACKOFF = Duration.ofMinutes(2);

    private final ClientCredentialsTokens tokens;
    private final Clock clock;
    private List<JsonNode> users;
    private Instant listedAt;
    private Map<String, String> skills;
    private Map<String, String> groups;
    private Instant cataloguedAt;
    private int refusals;

    VccSession(ClientCredentialsTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    ClientCredentialsTokens tokens() {
        return tokens;
    }

    /** The account's users, listed again when the listing is older than {@code maxAge}. */
    synchronized List<JsonNode> users(Duration maxAge, Supplier<List<JsonNode>> list) {
        if (users == null || listedAt == null || !clock.instant().isBefore(listedAt.plus(maxAge))) {
            users = List.copyOf(list.get());
            listedAt = clock.instant();
        }
        return users;
    }

    /** A user this connection just created, so the cached listing knows it. */
    synchronized void created(JsonNode user) {
        if (users != null) {
            java.util.List<JsonNode> more = new java.util.ArrayList<>(users);
            more.add(user);
            users = List.copyOf(more);
        }
    }

    synchronized void forgetUsers() {
        users = null;
    }

    /** Skill and group names → ids, listed again after {@code maxAge} or when a name is missing. */
    synchronized Map<String, String> catalogue(boolean skillCatalogue, Duration maxAge, boolean refresh,
            Supplier<Map<String, String>> listSkills, Supplier<Map<String, String>> listGroups) {
        if (skills == null || refresh || cataloguedAt == null || !clock.instant().isBefore(cataloguedAt.plus(maxAge))) {
            skills = Map.copyOf(listSkills.get());
            groups = Map.copyOf(listGroups.get());
            cataloguedAt = clock.instant();
        }
        return skillCatalogue ? skills : groups;
    }

    /**
     * The wait after a 429 without Retry-After: doubling with each refusal in a row from two seconds up to
     * two minutes, drawn from the upper half so that jobs refused together spread out. The engine pauses the
     * whole connection for it (in PostgreSQL), so every instance backs off together.
     */
    synchronized Duration refused() {
        refusals++;
        long ceiling = Math.min(LONGEST_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(refusals - 1, 16));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    synchronized void answered() {
        refusals = 0;
    }

    synchronized Optional<Integer> refusalsInARow() {
        return refusals == 0 ? Optional.empty() : Optional.of(refusals);
    }
}
