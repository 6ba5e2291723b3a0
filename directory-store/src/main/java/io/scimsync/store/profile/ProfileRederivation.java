package io.scimsync.store.profile;

import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.profile.ProfileDerivationException;
import io.scimsync.schemas.profile.ProfileMapper;
import io.scimsync.store.resource.DirectoryProfile;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoredResource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives every profile of a tenant again with the tenant's current mapping, after the mapping
 * changed. Users are read in pages in {@code _id} order, so the tenant is never in memory as a
 * whole, and each profile is written with {@link ResourceStore#replaceProfile}, conditional on
 * the version read: a user changed in between is read again and derived again. A user whose
 * profile cannot be derived keeps its previous one and counts as failed.
 *
 * <p>A user written meanwhile with an older mapping (a processor that read the mapping before
 * it changed) is found by the passes that follow the first: each visits the users whose profile
 * is older than the mapping, until one finds none or {@link #MAX_CATCH_UP_PASSES} have run.
 * The run stops when a newer mapping is stored, whose own run then takes over.
 *
 * <p>NOTE: profiles rewritten here publish no identity events and are not counted by the
 * deletion threshold, even when the new mapping turns {@code active} false.
 */
@Component
public class ProfileRederivation {

    /** Users read and written per page; progress is saved once per page. */
    public static final int PAGE_SIZE = 100;
    /** Passes over the users with an older profile, after the pass over all users. */
    public static final int MAX_CATCH_UP_PASSES = 3;
    /** Attempts to write one profile before leaving the user to the next pass. */
    static final int MAX_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(ProfileRederivation.class);

    private final ResourceStore resources;
    private final MappingStore mappings;
    private final ProfileMapper mapper = new ProfileMapper();

    public ProfileRederivation(ResourceStore resources, MappingStore mappings) {
        this.resources = resources;
        this.mappings = mappings;
    }

    /** The end a run came to. */
    public enum Outcome {
        /** Every user was visited; the progress record is idle. */
        COMPLETED,
        /** A newer mapping was stored, so its run owns the progress record. */
        SUPERSEDED,
        /**
         * The thread was interrupted, as at shutdown: the progress record is idle with fewer
         * users done than in total, and storing the mapping again starts a new run.
         */
        INTERRUPTED
    }

    /** Re-derives the profiles of {@code tenantId} with its current mapping, on this thread. */
    public Outcome run(String tenantId) {
        StoredMapping mapping = mappings.get(tenantId);
        Run run = new Run(tenantId, mapping, resources.countUsers(tenantId));
        log.info("Re-deriving the profiles of tenant {} with mapping version {}, {} users",
                tenantId, mapping.version(), run.total);
        Outcome outcome = run.allUsers();
        for (int pass = 0; pass < MAX_CATCH_UP_PASSES && outcome == null; pass++) {
            outcome = run.staleUsers();
        }
        if (outcome == null) {
            outcome = Outcome.COMPLETED;
        }
        if (outcome != Outcome.SUPERSEDED) {
            run.save(RederivationProgress.State.IDLE);
        }
        if (outcome == Outcome.INTERRUPTED) {
            log.warn("Re-derivation of tenant {} was interrupted after {} of {} users; store the"
                    + " mapping again to re-derive the rest", tenantId, run.done, run.total);
        }
        log.info("Re-derivation of tenant {} with mapping version {} {}: {} of {} users, {} failed",
                tenantId, mapping.version(), outcome.name().toLowerCase(Locale.ROOT), run.done, run.total,
                run.failed);
        return outcome;
    }

    /** The state of one run: its mapping and counters. */
    private final class Run {

        private final String tenantId;
        private final StoredMapping mapping;
        private long done;
        private long total;
        private long failed;

        Run(String tenantId, StoredMapping mapping, long total) {
            this.tenantId = tenantId;
            this.mapping = mapping;
            this.total = total;
        }

        /** Visits every user; returns null to go on with the catch-up passes. */
        Outcome allUsers() {
            save(RederivationProgress.State.RUNNING);
            Outcome outcome = pages(after -> resources.usersAfter(tenantId, after, PAGE_SIZE),
                    false);
            total = done;
            return outcome;
        }

        /**
         * Visits the users whose profile is older than the mapping; returns
         * {@link Outcome#COMPLETED} when there were none, null when there were.
         */
        Outcome staleUsers() {
            long before = done;
            Outcome outcome = pages(after -> resources.usersWithStaleProfile(
                    tenantId, mapping.version(), after, PAGE_SIZE), true);
            if (outcome != null) {
                return outcome;
            }
            return done == before ? Outcome.COMPLETED : null;
        }

        private Outcome pages(PageReader reader, boolean countAsFound) {
            String after = null;
            List<StoredResource> page = reader.read(after);
            while (!page.isEmpty()) {
                if (countAsFound) {
                    total += page.size();
                }
                page.forEach(this::rederive);
                Outcome stop = stopReason();
                if (stop != null) {
                    return stop;
                }
                save(RederivationProgress.State.RUNNING);
                after = page.get(page.size() - 1).id();
                page = reader.read(after);
            }
            return null;
        }

        private Outcome stopReason() {
            if (Thread.currentThread().isInterrupted()) {
                return Outcome.INTERRUPTED;
            }
            return mappings.version(tenantId) != mapping.version() ? Outcome.SUPERSEDED : null;
        }

        private void rederive(StoredResource first) {
            done++;
            StoredResource user = first;
            for (int attempt = 0; attempt < MAX_ATTEMPTS && user != null; attempt++) {
                if (write(user)) {
                    return;
                }
                user = reread(user);
            }
            if (user != null) {
                log.debug("User {} of tenant {} kept changing; a later pass derives its profile",
                        first.id(), tenantId);
            }
        }

        /** Writes the user's profile or its failure mark; false when the user changed. */
        private boolean write(StoredResource user) {
            ObjectNode profile;
            try {
                profile = mapper.derive(mapping.mapping(), user.attributes());
            } catch (ProfileDerivationException e) {
                return markFailed(user, e);
            }
            return resources.replaceProfile(tenantId, user.id(), user.version(), profile,
                    mapping.version());
        }

        private boolean markFailed(StoredResource user, ProfileDerivationException e) {
            if (!resources.markProfileFailed(tenantId, user.id(), user.version(),
                    mapping.version())) {
                return false;
            }
            failed++;
            log.debug("Mapping version {} cannot derive the profile of user {} of tenant {}: {}",
                    mapping.version(), user.id(), tenantId, e.getMessage());
            return true;
        }

        /** Reads the user again; null when it is gone or has a profile of a newer mapping. */
        private StoredResource reread(StoredResource user) {
            Optional<DirectoryProfile> profile = resources.findProfile(tenantId, user.id());
            if (profile.isPresent() && profile.get().mappingVersion() > mapping.version()) {
                return null;
            }
            return resources.find(tenantId, ResourceType.USER, user.id()).orElse(null);
        }

        void save(RederivationProgress.State state) {
            mappings.saveProgress(tenantId,
                    new RederivationProgress(state, mapping.version(), done, total, failed));
        }
    }

    @FunctionalInterface
    private interface PageReader {
        List<StoredResource> read(String afterId);
    }
}
