package io.scimsync.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InitialSyncTest {

    @Test
    void sharesAddUpToTheTotal() {
        int sum = 0;
        for (int tenant = 0; tenant < 3; tenant++) {
            sum += InitialSync.share(100, 3, tenant);
        }

        assertThat(sum).isEqualTo(100);
    }

    @Test
    void remainderGoesToTheFirstTenants() {
        assertThat(InitialSync.share(10, 4, 0)).isEqualTo(3);
        assertThat(InitialSync.share(10, 4, 1)).isEqualTo(3);
        assertThat(InitialSync.share(10, 4, 2)).isEqualTo(2);
        assertThat(InitialSync.share(10, 4, 3)).isEqualTo(2);
    }
}
