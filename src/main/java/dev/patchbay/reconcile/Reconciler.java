package dev.patchbay.reconcile;

import dev.patchbay.connector.AccountPage;
import dev.patchbay.connector.ConnectorException;
import dev.patchbay.connector.ListedAccount;
import dev.patchbay.connector.Listing;
import dev.patchbay.connector.Operation;
import dev.patchbay.connector.RateLimit;
import dev.patchbay.job.RateLimiter;
import dev.patchbay.provisioning.VendorConnections;
import dev.patchbay.provisioning.policy.PolicyDocument;
import dev.patchbay.provisioning.policy.PolicyStore;
import dev.patchbay.store.Connection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Carries reconciliation runs on, a page at a time: each page is read from the vendor outside any
 * transaction, then its findings, their actions and the run's new cursor commit together, so a run broken
 * off by a restart continues from its last page (a page read twice adds nothing twice). A page is read
 * only when no provisioning job of the connection is due and within a share of each of the connection's
 * rate-limit windows: provisioning keeps the rest, and its priority.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    /** What a page step came to: the run goes on now, waits, or is over. */
    enum Step { CONTINUE, WAIT, OVER }

    private final ReconciliationStore store;
    private final AccountMatcher matcher;
    private final ReconcileActions actions;
    private final VendorConnections vendorConnections;
    private final PolicyStore policies;
    private final RateLimiter rateLimiter;
    private final EntityManager entityManager;
    private final int pageSize;
    private final double budgetShare;
    private final Duration yieldToProvisioning;
    private final Duration lease;

    public Reconciler(ReconciliationStore store, AccountMatcher matcher, ReconcileActions actions,
            VendorConnections vendorConnections, PolicyStore policies, RateLimiter rateLimiter,
            EntityManager entityManager,
            @ConfigProperty(name = "patchbay.reconcile.page-size") int pageSize,
            @ConfigProperty(name = "patchbay.reconcile.budget-share") double budgetShare,
            @ConfigProperty(name = "patchbay.reconcile.yield-to-provisioning") Duration yieldToProvisioning,
            @ConfigProperty(name = "patchbay.reconcile.lease") Duration lease) {
        this.store = store;
        this.matcher = matcher;
        this.actions = actions;
        this.vendorConnections = vendorConnections;
        this.policies = policies;
        this.rateLimiter = rateLimiter;
        this.entityManager = entityManager;
        this.pageSize = pageSize;
        this.budgetShare = budgetShare;
        this.yieldToProvisioning = yieldToProvisioning;
        this.lease = lease;
    }

    /**
     * Runs due pages of due runs (of one connection, or of all when null) until none is due or a run has to
     * wait; returns the pages read.
     */
    public int runDue(String connectionId, int maxPages) {
        int pages = 0;
        while (pages < maxPages) {
            Optional<UUID> claimed = store.claimDue(connectionId, lease);
            if (claimed.isEmpty()) {
                return pages;
            }
            Step step;
            long releaseBy = System.nanoTime() + lease.toNanos() / 2;
            do {
                step = step(claimed.get());
                pages++;
            } while (step == Step.CONTINUE && pages < maxPages && System.nanoTime() < releaseBy);
            if (step == Step.CONTINUE) {
                store.later(claimed.get(), Duration.ZERO);
            }
            if (step == Step.WAIT && connectionId != null) {
                return pages;
            }
        }
        return pages;
    }

    /** One page of the run (or its last phase); the run must be leased to the caller. */
    Step step(UUID runId) {
        ReconciliationStore.Position position;
        try {
            position = store.position(runId);
        } catch (jakarta.persistence.NoResultException gone) {
            return Step.OVER;
        }
        Optional<Connection> connection = QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection>findByIdOptional(position.connectionId()));
        if (connection.isEmpty()) {
            return Step.OVER;
        }
        PolicyDocument policy = policies.current(position.connectionId()).document();
        try {
            if ("missing".equals(position.phase())) {
                missing(position, connection.get().vendor, policy);
                return Step.OVER;
            }
            return listPage(position, connection.get(), policy);
        } catch (ConnectorException.Retryable e) {
            Duration wait = e.retryAfter().orElse(Duration.ofSeconds(30));
            e.retryAfter().ifPresent(retryAfter -> rateLimiter.pause(position.connectionId(), retryAfter));
            store.later(runId, wait);
            return Step.WAIT;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Reconciliation %s of connection %s failed", runId, position.connectionId());
            store.fail(runId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return Step.OVER;
        }
    }

    private Step listPage(ReconciliationStore.Position position, Connection connection, PolicyDocument policy) {
        VendorConnections.Bound bound = vendorConnections.connect(connection, policy.vendorOptionsOrNone())
                .orElseThrow(() -> new IllegalStateException("No connector for vendor '" + connection.vendor + "'"));
        if (!bound.factory().vendor().capabilities().can(Operation.LIST)) {
            throw new IllegalStateException(bound.factory().vendor().id() + " cannot list its accounts");
        }
        if (provisioningDue(position.connectionId())) {
            store.later(position.runId(), yieldToProvisioning);
            return Step.WAIT;
        }
        RateLimit limit = bound.rateLimit();
        Listing listing = bound.capabilities().listing();
        int size = pageSize(limit, listing);
        int reserved = listing.calls(size);
        Optional<Duration> wait = rateLimiter.acquire(position.connectionId(), limit, reserved, budgetShare);
        if (wait.isPresent()) {
            store.later(position.runId(), wait.get());
            return Step.WAIT;
        }
        AccountPage page = bound.connector().list(position.cursor(), size, bound.context("reconcile:" + position.runId()));
        rateLimiter.charge(position.connectionId(), limit, page.vendorCalls() - reserved);
        String vendor = connection.vendor;
        QuarkusTransaction.requiringNew().run(() -> {
            for (ListedAccount account : page.accounts()) {
                Optional<AccountMatcher.Link> link = matcher.linked(position.connectionId(), account.ref().id());
                Optional<AccountMatcher.Match> match = link.isPresent() ? Optional.empty()
                        : matcher.match(position.connectionId(), account.keys(), policy);
                record(position, vendor, Classifier.classify(account, link, match, policy, listing.shown()), account,
                        policy);
            }
            store.pageDone(position.runId(), page.nextCursor(), page.accounts().size(), page.total(),
                    page.vendorCalls());
        });
        return Step.CONTINUE;
    }

    private void missing(ReconciliationStore.Position position, String vendor, PolicyDocument policy) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (AccountMatcher.Link link : matcher.unseen(position.connectionId(), position.runId(), position.started())) {
                record(position, vendor, Classifier.missing(link, policy), null, policy);
            }
            if (!position.preview()) {
                actions.closeResolved(position.connectionId(), position.runId(), position.started());
            }
            store.finish(position.runId());
        });
    }

    private void record(ReconciliationStore.Position position, String vendor, Finding finding, ListedAccount account,
            PolicyDocument policy) {
        boolean act = !position.preview() && !dev.patchbay.provisioning.policy.ReconciliationRules.REPORT.equals(finding.action());
        Finding recorded = new Finding(0, finding.vendorRef(), finding.userId(), finding.situation(), finding.userName(),
                finding.email(), finding.license(), finding.numbers(), finding.active(), finding.idpActive(), finding.lastLogin(),
                finding.neverLoggedIn(), finding.drift(), finding.action(), act);
        if (store.add(position.runId(), recorded) && act) {
            actions.perform(position.connectionId(), vendor, recorded, account == null ? null : account.seat(), policy);
        }
    }

    /**
     * As many accounts as the configured page size and the vendor's largest page allow, and as fit in the
     * run's share of each rate-limit window at the vendor's declared cost. The same for every page of a run
     * (as long as the limit stays), so page-number paging stays aligned.
     */
    int pageSize(RateLimit limit, Listing listing) {
        int size = Math.min(pageSize, listing.maxPageSize());
        if (listing.callsPerAccount() == 0) {
            return size;
        }
        for (RateLimit.Window window : limit.windows()) {
            int share = (int) Math.floor(window.calls() * budgetShare);
            size = Math.min(size, Math.max(1, (share - listing.callsPerPage()) / listing.callsPerAccount()));
        }
        return size;
    }

    private boolean provisioningDue(String connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager.createNativeQuery("""
                select exists (select 1 from provisioning_job where connection_id = :connection
                               and (state = 'running' or (state = 'pending' and next_attempt_at <= now())))""")
                .setParameter("connection", connectionId).getSingleResult());
    }
}
