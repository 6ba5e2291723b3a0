package io.scimsync.schemas.events;

import static io.scimsync.schemas.events.SampleEvents.APPLIED;
import static io.scimsync.schemas.events.SampleEvents.alice;
import static io.scimsync.schemas.events.SampleEvents.aliceWith;
import static io.scimsync.schemas.events.SampleEvents.engineering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityEventFactoryTest {

    private final IdentityEventFactory factory = new IdentityEventFactory("t-1", "c-1", APPLIED);

    private static List<IdentityEventType> types(List<IdentityEvent> events) {
        return events.stream().map(IdentityEvent::type).toList();
    }

    private static UserEventData userData(IdentityEvent event) {
        return (UserEventData) event.data();
    }

    @Test
    void oneOfEachCoversEveryType() {
        assertThat(types(SampleEvents.oneOfEach())).containsExactly(IdentityEventType.values());
    }

    @Test
    void createdUserListsFieldsWithValue() {
        IdentityEvent created = factory.user("u-1", null, alice(), 1).get(0);

        assertThat(created.type()).isEqualTo(IdentityEventType.USER_CREATED);
        assertThat(userData(created).profile()).isEqualTo(alice());
        assertThat(userData(created).changed()).containsExactly("principalName", "displayName",
                "givenName", "familyName", "email", "active", "externalId", "employeeNumber",
                "department", "managerId", "groups");
    }

    @Test
    void createdDisabledUserIsOnlyCreated() {
        UserProfile disabled = aliceWith(alice().principalName(), false, "Sales");

        assertThat(types(factory.user("u-1", null, disabled, 1)))
                .containsExactly(IdentityEventType.USER_CREATED);
    }

    @Test
    void updateListsOnlyChangedFields() {
        UserProfile before = alice();
        UserProfile after = new UserProfile(before.principalName(), "Alice E.", null,
                before.familyName(), before.email(), true, before.externalId(),
                before.employeeNumber(), "Sales", before.managerId(), before.groups());

        List<IdentityEvent> events = factory.user("u-1", before, after, 7);

        assertThat(types(events)).containsExactly(IdentityEventType.USER_UPDATED);
        assertThat(userData(events.get(0)).changed())
                .containsExactly("displayName", "givenName", "department");
        assertThat(userData(events.get(0)).profile()).isEqualTo(after);
        assertThat(userData(events.get(0)).previousPrincipalName()).isNull();
    }

    @Test
    void renameCarriesPreviousPrincipalName() {
        UserProfile after = aliceWith("alice.new@contoso.example", true, alice().department());

        List<IdentityEvent> events = factory.user("u-1", alice(), after, 1);

        assertThat(types(events)).containsExactly(IdentityEventType.USER_RENAMED);
        assertThat(userData(events.get(0)).changed()).containsExactly("principalName");
        assertThat(userData(events.get(0)).previousPrincipalName())
                .isEqualTo("alice@contoso.example");
        assertThat(userData(events.get(0)).profile().principalName())
                .isEqualTo("alice.new@contoso.example");
    }

    @Test
    void disableIsDisabledEvent() {
        UserProfile after = aliceWith(alice().principalName(), false, alice().department());

        List<IdentityEvent> events = factory.user("u-1", alice(), after, 1);

        assertThat(types(events)).containsExactly(IdentityEventType.USER_DISABLED);
        assertThat(userData(events.get(0)).changed()).containsExactly("active");
    }

    @Test
    void enableFromFalseToAbsentIsEnabledEvent() {
        UserProfile disabled = aliceWith(alice().principalName(), false, alice().department());
        UserProfile absent = aliceWith(alice().principalName(), null, alice().department());

        assertThat(types(factory.user("u-1", disabled, absent, 1)))
                .containsExactly(IdentityEventType.USER_ENABLED);
    }

    @Test
    void activeTrueToAbsentIsUpdate() {
        UserProfile absent = aliceWith(alice().principalName(), null, alice().department());

        List<IdentityEvent> events = factory.user("u-1", alice(), absent, 1);

        assertThat(types(events)).containsExactly(IdentityEventType.USER_UPDATED);
        assertThat(userData(events.get(0)).changed()).containsExactly("active");
    }

    @Test
    void renameUpdateAndDisableSplitInFixedOrder() {
        UserProfile after = aliceWith("alice.new@contoso.example", false, "Sales");

        List<IdentityEvent> events = factory.user("u-1", alice(), after, 10);

        assertThat(types(events)).containsExactly(IdentityEventType.USER_RENAMED,
                IdentityEventType.USER_UPDATED, IdentityEventType.USER_DISABLED);
        assertThat(events).extracting(event -> userData(event).changed()).containsExactly(
                List.of("principalName"), List.of("department"), List.of("active"));
        assertThat(events).extracting(event -> userData(event).profile()).containsOnly(after);
        assertThat(events).extracting(IdentityEvent::sequence).containsExactly(10L, 11L, 12L);
    }

    @Test
    void renameAndDisableGiveTwoEvents() {
        UserProfile after = aliceWith("alice.new@contoso.example", false, alice().department());

        assertThat(types(factory.user("u-1", alice(), after, 1)))
                .containsExactly(IdentityEventType.USER_RENAMED, IdentityEventType.USER_DISABLED);
    }

    @Test
    void unchangedProfileGivesNoEvent() {
        assertThat(factory.user("u-1", alice(), alice(), 1)).isEmpty();
        assertThat(factory.group("g-1", engineering(), engineering(), 1)).isEmpty();
        assertThat(factory.events()).isEmpty();
    }

    @Test
    void deletedUserCarriesLastProfile() {
        UserProfile last = new UserProfile("alice@contoso.example", null, null, null, null, false,
                null, null, null, null, List.of());

        IdentityEvent deleted = factory.user("u-1", last, null, 3).get(0);

        assertThat(deleted.type()).isEqualTo(IdentityEventType.USER_DELETED);
        assertThat(userData(deleted).profile()).isEqualTo(last);
        assertThat(userData(deleted).changed()).containsExactly("principalName", "active");
    }

    @Test
    void groupRenameIsGroupUpdated() {
        GroupProfile renamed = new GroupProfile("Engineering Platform", "obj-1");

        List<IdentityEvent> events = factory.group("g-1", engineering(), renamed, 2);

        assertThat(types(events)).containsExactly(IdentityEventType.GROUP_UPDATED);
        GroupEventData data = (GroupEventData) events.get(0).data();
        assertThat(data.changed()).containsExactly("displayName");
        assertThat(data.profile()).isEqualTo(renamed);
    }

    @Test
    void groupCreatedAndDeleted() {
        assertThat(types(factory.group("g-1", null, engineering(), 1)))
                .containsExactly(IdentityEventType.GROUP_CREATED);
        IdentityEvent deleted = factory.group("g-1", engineering(), null, 2).get(0);
        assertThat(deleted.type()).isEqualTo(IdentityEventType.GROUP_DELETED);
        assertThat(((GroupEventData) deleted.data()).profile()).isEqualTo(engineering());
    }

    @Test
    void membershipEventIsKeyedByGroup() {
        IdentityEvent added = factory.membershipAdded("g-1", "u-1", MembershipKind.DIRECT, 4);

        assertThat(added.subject()).isEqualTo("g-1");
        assertThat(added.recordKey()).isEqualTo("t-1/Group/g-1");
        assertThat(added.stateKey()).isEqualTo("t-1/membership/g-1/u-1");
        assertThat(added.data())
                .isEqualTo(new MembershipEventData("g-1", "u-1", MembershipKind.DIRECT));
        assertThat(added.sequence()).isEqualTo(4);
    }

    @Test
    void userEventKeysAreUserKeys() {
        IdentityEvent created = factory.user("u-1", null, alice(), 1).get(0);

        assertThat(created.recordKey()).isEqualTo("t-1/User/u-1");
        assertThat(created.stateKey()).isEqualTo("t-1/User/u-1");
        assertThat(created.source()).isEqualTo("/tenants/t-1");
        assertThat(created.subject()).isEqualTo("u-1");
        assertThat(created.time()).isEqualTo(APPLIED);
    }

    @Test
    void sameChangeGivesSameIds() {
        List<IdentityEvent> first = SampleEvents.oneOfEach();
        List<IdentityEvent> again = SampleEvents.oneOfEach();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void idsWithinChangeAreDistinct() {
        assertThat(SampleEvents.oneOfEach()).extracting(IdentityEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void otherChangeGivesOtherIds() {
        IdentityEvent first = factory.user("u-1", null, alice(), 1).get(0);
        IdentityEvent other = new IdentityEventFactory("t-1", "c-2", APPLIED)
                .user("u-1", null, alice(), 1).get(0);

        assertThat(other.id()).isNotEqualTo(first.id());
    }

    @Test
    void eventsListsAllInDerivationOrder() {
        factory.user("u-1", null, alice(), 1);
        factory.group("g-1", null, engineering(), 1);
        factory.membershipAdded("g-1", "u-1", MembershipKind.DIRECT, 2);

        assertThat(types(factory.events())).containsExactly(IdentityEventType.USER_CREATED,
                IdentityEventType.GROUP_CREATED, IdentityEventType.MEMBERSHIP_ADDED);
    }

    @Test
    void deletesAndRemovalsEndState() {
        assertThat(Arrays.stream(IdentityEventType.values()).filter(IdentityEventType::endsState))
                .containsExactlyInAnyOrder(IdentityEventType.USER_DELETED,
                        IdentityEventType.GROUP_DELETED, IdentityEventType.MEMBERSHIP_REMOVED);
    }

    @Test
    void sequenceBelowOneIsRejected() {
        assertThatThrownBy(() -> factory.user("u-1", null, alice(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequences start at 1, was 0");
        assertThatThrownBy(() -> factory.membershipAdded("g-1", "u-1", MembershipKind.DIRECT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence must be at least 1, was 0");
    }

    @Test
    void idWithSlashIsRejected() {
        assertThatThrownBy(() -> factory.user("u/1", null, alice(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("userId must be a non-blank id without '/', was 'u/1'");
    }

    @Test
    void changeWithoutProfilesIsRejected() {
        assertThatThrownBy(() -> factory.user("u-1", null, null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the profile before it, after it, or both");
    }
}
