package io.scimsync.processor;

import io.scimsync.schemas.change.ChangeCodec;
import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.change.ChangeOutcome;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.change.MembershipNotice;
import io.scimsync.schemas.change.Operation;
import io.scimsync.schemas.change.OperatorCommand;
import io.scimsync.schemas.change.OutcomeStatus;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.store.profile.MappingStore;
import io.scimsync.store.profile.StoredMapping;
import io.scimsync.store.resource.ChangePosition;
import io.scimsync.store.resource.OutboxEntry;
import io.scimsync.store.resource.ResourceRef;
import io.scimsync.store.resource.ResourceSnapshots;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoredResource;
import io.scimsync.store.safeguard.ParkState;
import io.scimsync.store.safeguard.ParkedChange;
import io.scimsync.store.safeguard.ParkedChangeStore;
import io.scimsync.store.safeguard.RenamePolicy;
import io.scimsync.store.safeguard.SafeguardStore;
import io.scimsync.store.safeguard.TenantControl;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides, for each change, whether it is applied now or set aside, and carries out operators'
 * decisions about set-aside changes. A change is set aside as
 *
 * <ul>
 *   <li>WAITING when an earlier change of its resource is set aside (order per resource) or its
 *       tenant is paused;</li>
 *   <li>HELD when it is a disable or delete past the tenant's deletion threshold;</li>
 *   <li>QUARANTINED when applying it fails for a reason of ours that retrying cannot cure.</li>
 * </ul>
 *
 * <p>Set-aside changes are kept in the store with their record. Every change of one resource
 * goes through one partition, so the keys of the resources with set-aside changes are kept in
 * memory per partition, loaded from the store when a partition is first seen after an
 * assignment. Operator commands arrive on the same partitions, after the changes they are about.
 */
@Component
class ChangeGate {

    private static final Logger log = LoggerFactory.getLogger(ChangeGate.class);

    private final ChangeApplier applier;
    private final ParkedChangeStore parked;
    private final SafeguardStore safeguards;
    private final MappingStore mappingStore;
    private final DeletionGuard deletionGuard;
    private final QuarantineRatio quarantineRatio;
    private final SafeguardNotifier notifier;
    private final ChangeMetrics metrics;
    private final EventPublisher publisher;
    private final ResourceStore resources;
    private final IdentityEventWriter events;
    private final ChangeCodec codec = new ChangeCodec();
    private final Clock clock = Clock.systemUTC();
    private final Map<Integer, Set<String>> blockedKeys = new ConcurrentHashMap<>();
    /** Partitions that may have released changes kept for a retry of their command. */
    private final Set<Integer> releasedKept = ConcurrentHashMap.newKeySet();

    ChangeGate(ChangeApplier applier, ParkedChangeStore parked, SafeguardStore safeguards,
            MappingStore mappingStore, DeletionGuard deletionGuard, QuarantineRatio quarantineRatio,
            SafeguardNotifier notifier, ChangeMetrics metrics, EventPublisher publisher,
            ResourceStore resources, IdentityEventWriter events) {
        this.applier = applier;
        this.parked = parked;
        this.safeguards = safeguards;
        this.mappingStore = mappingStore;
        this.deletionGuard = deletionGuard;
        this.quarantineRatio = quarantineRatio;
        this.notifier = notifier;
        this.metrics = metrics;
        this.publisher = publisher;
        this.resources = resources;
        this.events = events;
    }

    /** The tenants' controls for one polled batch, read once and updated as the batch goes. */
    final class Batch {

        private final Map<String, TenantControl> controls;
        private final Map<Integer, Long> firstOffsets;
        private final Map<String, StoredMapping> mappings = new ConcurrentHashMap<>();
        private final Map<String, Long> applied = new ConcurrentHashMap<>();
        private final BatchReads reads;

        private Batch(Map<String, TenantControl> controls, Map<Integer, Long> firstOffsets,
                BatchReads reads) {
            this.controls = controls;
            this.firstOffsets = firstOffsets;
            this.reads = reads;
        }

        /**
         * Returns the first position of this batch on the partition of {@code processed}: what came
         * before is committed with the previous batch's transaction.
         */
        ChangePosition uncommittedFrom(ChangePosition processed) {
            Long first = firstOffsets.get(processed.partition());
            return new ChangePosition(processed.partition(), first == null ? processed.offset() : first);
        }

        TenantControl control(String tenantId) {
            return controls.computeIfAbsent(tenantId, safeguards::control);
        }

        /** Returns the tenant's profile mapping, read once per batch. */
        StoredMapping mapping(String tenantId) {
            return mappings.computeIfAbsent(tenantId, mappingStore::get);
        }

        private void update(TenantControl control) {
            controls.put(control.tenantId(), control);
        }

        private void refresh(String tenantId) {
            controls.put(tenantId, safeguards.control(tenantId));
        }

        private void countApplied(String tenantId) {
            applied.merge(tenantId, 1L, Long::sum);
        }

        /** Adds the batch's applied changes to each tenant's count. */
        void finish() {
            safeguards.addApplied(applied);
        }
    }

    /**
     * Starts a batch, reading the stored state of the resources its changes name.
     *
     * @param firstOffsets the offset of the batch's first record on each of its partitions
     */
    Batch begin(Collection<String> tenantIds, Map<Integer, Long> firstOffsets,
            Collection<ChangeEvent> changes) {
        for (Map.Entry<Integer, Long> first : firstOffsets.entrySet()) {
            if (releasedKept.remove(first.getKey())) {
                parked.purgeReleased(first.getKey(), first.getValue());
            }
        }
        BatchReads reads = new BatchReads(resources);
        reads.prefetch(changes);
        return new Batch(new ConcurrentHashMap<>(safeguards.controls(tenantIds)), firstOffsets,
                reads);
    }

    /** Forgets what it knew of these partitions' set-aside changes: they were (re)assigned. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            blockedKeys.remove(partition.partition());
            releasedKept.add(partition.partition());
        });
    }

    /** Applies the change of {@code record} or sets it aside, and returns its outcome. */
    ChangeOutcome process(ChangeEvent change, ConsumerRecord<String, byte[]> record, Batch batch) {
        ChangePosition position = new ChangePosition(record.partition(), record.offset());
        if (applier.isApplied(change, position, batch.reads)) {
            ChangeApplier.Result again = applier.apply(change, position, ApplyPolicy.UNGUARDED,
                    batch.reads);
            publisher.publish(again.records());
            return again.outcome();
        }
        String key = change.recordKey();
        TenantControl control = batch.control(change.tenantId());
        if (blocked(record.partition()).contains(key)) {
            return park(change, record, ParkState.WAITING,
                    "waiting behind an earlier change of this resource that is set aside",
                    expectedWhileWaiting(change, batch.reads));
        }
        if (control.paused()) {
            return park(change, record, ParkState.WAITING, "waiting: the tenant is paused",
                    applier.expectedResource(change, batch.reads));
        }
        Attempt attempt = attempt(change, position, batch, false, position);
        OutcomeStatus status = attempt.outcome().status();
        if (status == OutcomeStatus.HELD || status == OutcomeStatus.QUARANTINED) {
            return park(change, record, ParkState.valueOf(status.name()), attempt.reason(),
                    attempt.outcome().resource());
        }
        metrics.outcome(change.tenantId(), attempt.outcome().status());
        if (status == OutcomeStatus.APPLIED) {
            metrics.applyLag(record.timestamp());
        }
        return attempt.outcome();
    }

    /**
     * Publishes the end of a membership whose member was deleted, under the group's key and
     * sequence. A notice seen before (its position is in the group's outbox) publishes the same
     * records again. A group deleted since needs nothing, because its delete ended its memberships.
     */
    void notice(MembershipNotice notice, ConsumerRecord<String, byte[]> record, Batch batch) {
        ChangePosition position = new ChangePosition(record.partition(), record.offset());
        ResourceRef groupRef = new ResourceRef(notice.tenantId(), ResourceType.GROUP,
                notice.groupId());
        Optional<StoredResource> found = batch.reads.find(groupRef);
        if (found.isEmpty()) {
            return;
        }
        StoredResource group = found.get();
        Optional<OutboxEntry> published = group.events().entryAt(position);
        if (published.isPresent()) {
            publisher.publish(published.get().records());
            return;
        }
        IdentityEventWriter.Written written = events.membershipEnded(notice, clock.instant(),
                group.events().sequence());
        OutboxEntry entry = new OutboxEntry(position, position, written.records());
        batch.reads.forget(groupRef);
        resources.updateEvents(group.withEvents(group.events().append(entry,
                written.lastSequence(), batch.uncommittedFrom(position))));
        publisher.publish(written.records());
    }

    /** Carries out an operator's command; it has no outcome record. */
    void execute(OperatorCommand command, ConsumerRecord<String, byte[]> record, Batch batch) {
        ChangePosition at = new ChangePosition(record.partition(), record.offset());
        republishReleased(at, batch);
        switch (command.action()) {
            case RELEASE -> release(command, batch, at);
            case DISCARD -> discard(command, batch, at);
            case RESUME -> resume(command.tenantId(), batch, at);
        }
    }

    /**
     * Publishes again the records of the changes an earlier attempt of the command at {@code at}
     * applied: that attempt's transaction did not commit, since the command is processed again.
     */
    private void republishReleased(ChangePosition at, Batch batch) {
        for (ParkedChange released : parked.releasedBy(at.partition(), at.offset())) {
            ChangeEvent event = codec.decodeChange(released.change());
            publisher.publish(applier.apply(event,
                    new ChangePosition(released.partition(), released.offset()),
                    ApplyPolicy.UNGUARDED, batch.reads).records());
        }
    }

    private void release(OperatorCommand command, Batch batch, ChangePosition at) {
        Optional<ParkedChange> found = head(command);
        if (found.isEmpty()) {
            return;
        }
        ParkedChange change = found.get();
        boolean approved = change.state() == ParkState.HELD;
        metrics.decision(change.tenantId(), approved ? "approved" : "replayed");
        if (resolve(change, batch, approved, at)) {
            drain(change.tenantId(), change.resourceKey(), change.partition(), batch, at);
        }
        if (approved) {
            afterHeldDecision(change.tenantId(), batch);
        }
    }

    private void discard(OperatorCommand command, Batch batch, ChangePosition at) {
        Optional<ParkedChange> found = head(command);
        if (found.isEmpty()) {
            return;
        }
        ParkedChange change = found.get();
        metrics.decision(change.tenantId(),
                change.state() == ParkState.HELD ? "rejected" : "discarded");
        parked.remove(change.changeId());
        log.info("Discarded {} change {} of tenant {}, {} at partition {}@{}",
                change.state(), change.changeId(), change.tenantId(), change.resourceId(),
                change.partition(), change.offset());
        drain(change.tenantId(), change.resourceKey(), change.partition(), batch, at);
        if (change.state() == ParkState.HELD) {
            afterHeldDecision(change.tenantId(), batch);
        }
    }

    private void resume(String tenantId, Batch batch, ChangePosition at) {
        batch.refresh(tenantId);
        quarantineRatio.reset(tenantId);
        for (String key : parked.waitingResourceKeys(tenantId, at.partition())) {
            drain(tenantId, key, at.partition(), batch, at);
        }
    }

    /**
     * Returns the set-aside change a command names, if it still is the first set-aside change of
     * its resource. A command carried out before (a redelivered command record) finds nothing.
     */
    private Optional<ParkedChange> head(OperatorCommand command) {
        Optional<ParkedChange> found = parked.find(command.changeId())
                .filter(change -> change.tenantId().equals(command.tenantId()))
                .filter(change -> change.state() != ParkState.RELEASED);
        if (found.isEmpty()) {
            log.debug("Command {} of tenant {}: change {} is no longer set aside",
                    command.commandId(), command.tenantId(), command.changeId());
            return Optional.empty();
        }
        List<ParkedChange> ofResource = parked.ofResource(
                found.get().tenantId(), found.get().resourceKey());
        if (ofResource.isEmpty() || !ofResource.get(0).changeId().equals(command.changeId())) {
            log.warn("Command {} of tenant {}: change {} is behind another set-aside change of"
                    + " its resource; decide about that one first", command.commandId(),
                    command.tenantId(), command.changeId());
            return Optional.empty();
        }
        return found;
    }

    /** Applies the waiting changes at the head of a resource's set-aside changes, in order. */
    private void drain(String tenantId, String key, int partition, Batch batch, ChangePosition at) {
        while (true) {
            List<ParkedChange> ofResource = parked.ofResource(tenantId, key);
            if (ofResource.isEmpty()) {
                blocked(partition).remove(key);
                return;
            }
            ParkedChange head = ofResource.get(0);
            if (head.state() != ParkState.WAITING || batch.control(tenantId).paused()) {
                return;
            }
            if (!resolve(head, batch, false, at)) {
                return;
            }
        }
    }

    /**
     * Tries to apply a set-aside change again. Returns true when it is applied (and no longer
     * set aside); otherwise it stays set aside with its new state and reason. A change rejected
     * now was acknowledged with success when it was set aside, so it is quarantined for an operator
     * rather than dropped.
     */
    private boolean resolve(ParkedChange change, Batch batch, boolean approved,
            ChangePosition at) {
        ChangeEvent event = codec.decodeChange(change.change());
        ChangePosition position = new ChangePosition(change.partition(), change.offset());
        if (applier.isApplied(event, position, batch.reads)) {
            publisher.publish(applier.apply(event, position, ApplyPolicy.UNGUARDED, batch.reads)
                    .records());
            markReleased(change, at);
            return true;
        }
        Attempt attempt = attempt(event, position, batch, approved, at);
        ChangeOutcome outcome = attempt.outcome();
        switch (outcome.status()) {
            case APPLIED -> {
                markReleased(change, at);
                metrics.outcome(event.tenantId(), OutcomeStatus.APPLIED);
                log.info("Applied set-aside change {} of tenant {}, {} at partition {}@{}",
                        change.changeId(), change.tenantId(), change.resourceId(),
                        change.partition(), change.offset());
                return true;
            }
            case REJECTED -> {
                ScimError error = outcome.error();
                parked.setState(change.changeId(), ParkState.QUARANTINED,
                        "rejected when applied later: status " + error.status()
                                + (error.scimType() == null ? "" : " " + error.scimType().wireName()));
                metrics.outcome(event.tenantId(), OutcomeStatus.QUARANTINED);
            }
            default -> {
                parked.setState(change.changeId(), ParkState.valueOf(outcome.status().name()),
                        attempt.reason());
                metrics.outcome(event.tenantId(), outcome.status());
            }
        }
        return false;
    }

    private void markReleased(ParkedChange change, ChangePosition at) {
        parked.markReleased(change.changeId(), at.partition(), at.offset());
        releasedKept.add(at.partition());
    }

    /** The result of trying to apply one change, with the reason when it must be set aside. */
    private record Attempt(ChangeOutcome outcome, String reason) {
    }

    private Attempt attempt(ChangeEvent change, ChangePosition position, Batch batch,
            boolean approved, ChangePosition processedAt) {
        TenantControl control = batch.control(change.tenantId());
        String[] heldReason = new String[1];
        ApplyPolicy policy = new ApplyPolicy() {
            @Override
            public RenamePolicy renamePolicy() {
                return control.safeguards().renamePolicy();
            }

            @Override
            public StoredMapping mapping() {
                return batch.mapping(change.tenantId());
            }

            @Override
            public ChangePosition processedAt(ChangePosition changePosition) {
                return processedAt;
            }

            @Override
            public ChangePosition uncommittedFrom(ChangePosition processed) {
                return batch.uncommittedFrom(processed);
            }

            @Override
            public boolean admitDeletion(ChangeEvent deletion) {
                if (approved) {
                    return true;
                }
                DeletionGuard.Verdict verdict = deletionGuard.judge(batch.control(deletion.tenantId()));
                if (verdict == DeletionGuard.Verdict.APPLY) {
                    return true;
                }
                if (verdict == DeletionGuard.Verdict.HOLD_CROSSED) {
                    batch.update(batch.control(deletion.tenantId()).withHolding(true));
                    log.warn("Tenant {} crossed its deletion threshold with change {}; holding"
                            + " its disables and deletes until an operator decides",
                            deletion.tenantId(), deletion.changeId());
                    notifier.notify(control.safeguards(), deletion.tenantId(), "held",
                            "disables and deletes past the threshold are held");
                }
                heldReason[0] = "deletion threshold: the tenant's disables and deletes within "
                        + control.safeguards().deletionWindow() + " passed its limit";
                return false;
            }
        };
        try {
            ChangeApplier.Result result = applier.applyNew(change, position, policy, batch.reads);
            ChangeOutcome outcome = result.outcome();
            if (outcome.status() == OutcomeStatus.APPLIED) {
                batch.countApplied(change.tenantId());
                publisher.publish(result.records());
            }
            recordForRatio(change.tenantId(), false, batch);
            return new Attempt(outcome, heldReason[0]);
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                throw e;
            }
            if (QuarantineReasons.isMappingFailure(e)) {
                log.warn("Change {} of tenant {}, {} {}, quarantined: {}", change.changeId(),
                        change.tenantId(), change.resourceType().scimName(), change.resourceId(),
                        QuarantineReasons.of(e, change.changeId()));
            } else {
                log.error("Change {} of tenant {}, {} {}, failed for a reason of ours;"
                        + " quarantined", change.changeId(), change.tenantId(),
                        change.resourceType().scimName(), change.resourceId(), e);
            }
            recordForRatio(change.tenantId(), true, batch);
            JsonNode expected = applier.expectedResource(change, batch.reads);
            return new Attempt(ChangeOutcome.setAside(change.changeId(), OutcomeStatus.QUARANTINED,
                    expected), QuarantineReasons.of(e, change.changeId()));
        }
    }

    private void recordForRatio(String tenantId, boolean quarantined, Batch batch) {
        TenantControl control = batch.control(tenantId);
        if (!quarantineRatio.record(tenantId, quarantined, control.safeguards()) || control.paused()) {
            return;
        }
        String reason = "more than " + Math.round(control.safeguards().quarantinePauseRatio() * 100)
                + "% of the last " + control.safeguards().quarantinePauseWindow()
                + " changes were quarantined";
        safeguards.pause(tenantId, reason, clock.instant());
        batch.update(control.withPaused(true));
        metrics.paused(tenantId);
        log.warn("Paused tenant {}: {}; its changes wait until an operator resumes it",
                tenantId, reason);
        notifier.notify(control.safeguards(), tenantId, "paused", reason);
    }

    private void afterHeldDecision(String tenantId, Batch batch) {
        if (parked.count(tenantId, ParkState.HELD) > 0) {
            return;
        }
        safeguards.setHolding(tenantId, false);
        safeguards.resetDeletions(tenantId);
        TenantControl control = batch.control(tenantId).withHolding(false);
        batch.update(control);
        log.info("Tenant {} has no held changes left; a new deletion window starts", tenantId);
        notifier.notify(control.safeguards(), tenantId, "released",
                "every held change was approved or rejected");
    }

    private ChangeOutcome park(ChangeEvent change, ConsumerRecord<String, byte[]> record,
            ParkState state, String reason, JsonNode expected) {
        ParkedChange entry = new ParkedChange(change.changeId(), change.tenantId(),
                change.resourceType(), change.resourceId(), change.recordKey(),
                change.operation(), state, reason, record.partition(), record.offset(),
                clock.instant(), record.value());
        if (parked.park(entry)) {
            log.info("Set aside change {} of tenant {}, {} {}, at {} as {}", change.changeId(),
                    change.tenantId(), change.resourceType().scimName(), change.resourceId(),
                    ChangeListener.coordinates(record), state);
            metrics.outcome(change.tenantId(), OutcomeStatus.valueOf(state.name()));
        }
        blocked(record.partition()).add(change.recordKey());
        return ChangeOutcome.setAside(change.changeId(), OutcomeStatus.valueOf(state.name()), expected);
    }

    /**
     * The resource as a waiting change will leave it. When the resource is not stored yet, its
     * create may be set aside ahead of the change: then the change is worked out on top of it.
     */
    private JsonNode expectedWhileWaiting(ChangeEvent change, BatchReads reads) {
        ObjectNode expected = applier.expectedResource(change, reads);
        if (expected != null || change.operation() == Operation.CREATE
                || change.operation() == Operation.DELETE) {
            return expected;
        }
        for (ParkedChange earlier : parked.ofResource(change.tenantId(), change.recordKey())) {
            if (earlier.operation() == Operation.CREATE) {
                ObjectNode created = applier.expectedResource(codec.decodeChange(earlier.change()),
                        reads);
                return applier.expectedResource(change, ResourceSnapshots.decode(
                        change.tenantId(), change.resourceType(), change.resourceId(), created));
            }
        }
        return null;
    }

    private Set<String> blocked(int partition) {
        return blockedKeys.computeIfAbsent(partition, id -> {
            Set<String> keys = ConcurrentHashMap.newKeySet();
            keys.addAll(parked.resourceKeysOn(id));
            return keys;
        });
    }
}
