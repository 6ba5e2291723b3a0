package io.scimsync.schemas.events;

import static io.scimsync.schemas.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserProfileTest {

    @Test
    void readsDirectoryProfile() {
        UserProfile profile = UserProfile.from(object("{'principalName':'a@contoso.example',"
                + "'active':false,'department':'Sales','managerId':'u-2'}"), List.of("g-1"));

        assertThat(profile).isEqualTo(new UserProfile("a@contoso.example", null, null, null,
                null, false, null, null, "Sales", "u-2", List.of("g-1")));
        assertThat(profile.enabled()).isFalse();
    }

    @Test
    void absentActiveCountsAsEnabled() {
        UserProfile profile = UserProfile.from(object("{'principalName':'a'}"), null);

        assertThat(profile.enabled()).isTrue();
        assertThat(profile.groups()).isEmpty();
    }

    @Test
    void wrongTypeNamesFieldNotValue() {
        assertThatThrownBy(() -> UserProfile.from(
                object("{'principalName':'a','active':'alice@contoso.example'}"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("directory profile field 'active' must be a boolean");
    }

    @Test
    void missingPrincipalNameIsRejected() {
        assertThatThrownBy(() -> UserProfile.from(object("{'displayName':'A'}"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a user profile needs a principalName");
    }
}
