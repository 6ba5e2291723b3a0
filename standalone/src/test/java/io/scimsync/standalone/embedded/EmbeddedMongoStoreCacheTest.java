package io.scimsync.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedMongoStoreCacheTest {

    private static final long MB = 1024 * 1024;

    @Test
    void cacheIsQuarterOfHeap() {
        assertThat(EmbeddedMongoStore.cacheMegabytes(1024 * MB)).isEqualTo(256);
    }

    @Test
    void cacheStopsAtItsMaximum() {
        assertThat(EmbeddedMongoStore.cacheMegabytes(6 * 1024 * MB))
                .isEqualTo(EmbeddedMongoStore.MAX_CACHE_MB);
    }

    @Test
    void smallHeapKeepsMinimumCache() {
        assertThat(EmbeddedMongoStore.cacheMegabytes(32 * MB))
                .isEqualTo(EmbeddedMongoStore.MIN_CACHE_MB);
    }
}
