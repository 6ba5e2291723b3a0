package io.scimsync.schemas.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: profiles and one derived event of every type, with every optional field set. */
final class SampleEvents {

    static final Instant APPLIED = Instant.parse("2024-05-01T12:00:00.123Z");

    private SampleEvents() {
    }

    static UserProfile alice() {
        return new UserProfile("alice@contoso.example", "Alice Example", "Alice", "Example",
                "alice@contoso.example", true, "ext-1", "E-1001", "Engineering", "u-manager",
                List.of("g-1"));
    }

    static UserProfile aliceWith(String principalName, Boolean active, String department) {
        UserProfile a = alice();
        return new UserProfile(principalName, a.displayName(), a.givenName(), a.familyName(),
                a.email(), active, a.externalId(), a.employeeNumber(), department, a.managerId(),
                a.groups());
    }

    static GroupProfile engineering() {
        return new GroupProfile("Engineering", "obj-1");
    }

    /** Returns one event of each type, in the order of {@link IdentityEventType#values()}. */
    static List<IdentityEvent> oneOfEach() {
        IdentityEventFactory factory = new IdentityEventFactory("t-1", "c-1", APPLIED);
        UserProfile alice = alice();
        List<IdentityEvent> events = new ArrayList<>();
        events.addAll(factory.user("u-1", null, alice, 1));
        events.addAll(factory.user("u-1", alice, aliceWith(alice.principalName(), true, "Sales"),
                2));
        events.addAll(factory.user("u-1", alice, aliceWith(alice.principalName(), false,
                alice.department()), 3));
        events.addAll(factory.user("u-1", aliceWith(alice.principalName(), false,
                alice.department()), alice, 4));
        events.addAll(factory.user("u-1", alice, aliceWith("alice.new@contoso.example", true,
                alice.department()), 5));
        events.addAll(factory.user("u-1", alice, null, 6));
        events.addAll(factory.group("g-1", null, engineering(), 1));
        events.addAll(factory.group("g-1", engineering(),
                new GroupProfile("Engineering Platform", "obj-1"), 2));
        events.addAll(factory.group("g-1", engineering(), null, 3));
        events.add(factory.membershipAdded("g-1", "u-1", MembershipKind.DIRECT, 4));
        events.add(factory.membershipRemoved("g-1", "u-1", MembershipKind.INDIRECT, 5));
        return events;
    }
}
