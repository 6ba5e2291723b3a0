package io.scimsync.store.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimsync.store.resource.QueryShapes.CursorPageShape;
import io.scimsync.store.resource.QueryShapes.FilterShape;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query shapes of the filter translator and of cursor pages ({@link QueryShapes}) against
 * the declared indexes: each query's bounded fields must be a prefix of one index (the embedded
 * store has no {@code explain}, so {@link IndexCoverage} models MongoDB's choice).
 * {@code RealMongoIndexesIT} checks the same shapes against a real MongoDB where Docker runs.
 */
class StoreIndexesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.scimsync.store.resource.QueryShapes#indexedFilters")
    void filterIsServedByIndexPrefix(FilterShape shape) {
        List<IndexCoverage.Match> plan = plan(shape.collection(), shape.query(), new Document());

        assertThat(plan).singleElement().satisfies(match -> {
            assertThat(match.index().effectiveName()).isEqualTo(shape.expectedIndex());
            assertThat(match.coversAllFields()).as(match.toString()).isTrue();
        });
    }

    @Test
    void entraEmailLookupIsBoundedByEmailIndex() {
        FilterShape shape = QueryShapes.ENTRA_EMAIL_LOOKUP;

        List<IndexCoverage.Match> plan = plan(shape.collection(), shape.query(), new Document());

        assertThat(plan).singleElement().satisfies(match -> {
            assertThat(match.index().effectiveName()).isEqualTo(shape.expectedIndex());
            assertThat(match.matchedFields()).contains("search.emails.value");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.scimsync.store.resource.QueryShapes#cursorPages")
    void cursorPageIsServedByIndexPrefix(CursorPageShape shape) {
        for (Document query : shape.queries()) {
            List<IndexCoverage.Match> plan =
                    plan(shape.collection(), query, shape.order().toSort());

            assertThat(plan).isNotEmpty().allSatisfy(match -> {
                assertThat(match.index().effectiveName()).isEqualTo(shape.expectedIndex());
                assertThat(match.coversAllFields()).as(match.toString()).isTrue();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.scimsync.store.resource.QueryShapes#unindexedFilters")
    void unindexedAttributeFallsBackToTenantPrefix(FilterShape shape) {
        List<IndexCoverage.Match> plan = plan(shape.collection(), shape.query(), new Document());

        assertThat(plan).singleElement()
                .satisfies(match -> assertThat(match.coversAllFields()).isFalse());
    }

    private static List<IndexCoverage.Match> plan(String collection, Document query,
            Document sort) {
        Optional<List<IndexCoverage.Match>> plan = IndexCoverage.plan(collection, query, sort);
        assertThat(plan).as("no index serves " + query.toJson()).isPresent();
        return plan.get();
    }
}
