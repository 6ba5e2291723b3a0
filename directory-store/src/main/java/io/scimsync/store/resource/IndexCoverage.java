package io.scimsync.store.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Finds the declared index whose key prefix serves a query, modelled on how MongoDB's planner
 * uses an index for equality, sort and range conditions. The leading keys must be matched by
 * equalities, and at most one more key by a range or by the first sort field. A {@code $or} is
 * served branch by branch. The embedded store has no {@code explain}, so tests and the benchmark use this model to
 * check the query shapes of the filter translator against {@link StoreIndexes}.
 *
 * <p>It is a model, not MongoDB's planner: it does not weigh selectivity, and it ignores
 * conditions that no index bounds ({@code $ne}, {@code $exists}, {@code $nor}). A {@code $regex}
 * counts as a range although only an anchored prefix bounds the keys scanned.
 */
public final class IndexCoverage {

    private static final List<String> RANGE_OPERATORS =
            List.of("$gt", "$gte", "$lt", "$lte", "$regex");

    private IndexCoverage() {
    }

    /** The index chosen for one branch of a query and the query fields its prefix matches. */
    public record Match(IndexDeclaration index, List<String> matchedFields,
            List<String> queryFields) {

        /** Returns whether the index prefix matches every bounded field of the branch. */
        public boolean coversAllFields() {
            return matchedFields.containsAll(queryFields);
        }
    }

    /**
     * Returns, for each {@code $or} branch of {@code query}, the index with the longest matched
     * prefix; empty when some branch matches no index at all.
     *
     * @param sort the sort document, or an empty one
     */
    public static Optional<List<Match>> plan(String collection, Document query, Document sort) {
        List<Match> matches = new ArrayList<>();
        for (Map<String, Kind> branch : branches(query)) {
            Optional<Match> best = bestIndex(collection, branch, sort);
            if (best.isEmpty()) {
                return Optional.empty();
            }
            matches.add(best.get());
        }
        return Optional.of(matches);
    }

    /** Returns the distinct names of the indexes {@link #plan} chooses, or "none". */
    public static String describe(String collection, Document query, Document sort) {
        return plan(collection, query, sort)
                .map(matches -> String.join(" + ", matches.stream()
                        .map(match -> match.index().effectiveName()).distinct().toList()))
                .orElse("none (collection scan)");
    }

    private enum Kind { EQUALITY, RANGE }

    private static Optional<Match> bestIndex(String collection, Map<String, Kind> branch,
            Document sort) {
        Match best = null;
        for (IndexDeclaration index : candidates(collection)) {
            List<String> matched = matchedPrefix(index.fields(), branch, sort);
            if (!matched.isEmpty() && (best == null
                    || matched.size() > best.matchedFields().size())) {
                best = new Match(index, matched, List.copyOf(branch.keySet()));
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> matchedPrefix(List<String> keys, Map<String, Kind> branch,
            Document sort) {
        List<String> matched = new ArrayList<>();
        int position = 0;
        while (position < keys.size() && branch.get(keys.get(position)) == Kind.EQUALITY) {
            matched.add(keys.get(position++));
        }
        if (position < keys.size()) {
            String next = keys.get(position);
            boolean firstSortKey = !sort.isEmpty() && sort.keySet().iterator().next().equals(next);
            if (branch.get(next) == Kind.RANGE || firstSortKey) {
                matched.add(next);
            }
        }
        return matched;
    }

    private static List<IndexDeclaration> candidates(String collection) {
        List<IndexDeclaration> candidates = new ArrayList<>();
        candidates.add(new IndexDeclaration(collection, new Document(Collections.ID, 1), true,
                IndexDeclaration.ID_INDEX));
        StoreIndexes.declared().stream()
                .filter(index -> index.collection().equals(collection))
                .forEach(candidates::add);
        return candidates;
    }

    /** Expands a query into its {@code $or} branches, each a map of field to condition kind. */
    private static List<Map<String, Kind>> branches(Document query) {
        List<Map<String, Kind>> branches = new ArrayList<>();
        branches.add(new LinkedHashMap<>());
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            branches = switch (entry.getKey()) {
                case "$and" -> combineAll(branches, documents(entry.getValue()));
                case "$or" -> alternatives(branches, documents(entry.getValue()));
                case "$nor" -> branches;
                default -> addField(branches, entry.getKey(), entry.getValue());
            };
        }
        return branches;
    }

    private static List<Map<String, Kind>> combineAll(List<Map<String, Kind>> branches,
            List<Document> parts) {
        List<Map<String, Kind>> combined = branches;
        for (Document part : parts) {
            combined = cross(combined, branches(part));
        }
        return combined;
    }

    private static List<Map<String, Kind>> alternatives(List<Map<String, Kind>> branches,
            List<Document> alternatives) {
        List<Map<String, Kind>> expanded = new ArrayList<>();
        for (Document alternative : alternatives) {
            expanded.addAll(cross(branches, branches(alternative)));
        }
        return expanded;
    }

    private static List<Map<String, Kind>> cross(List<Map<String, Kind>> left,
            List<Map<String, Kind>> right) {
        List<Map<String, Kind>> product = new ArrayList<>();
        for (Map<String, Kind> first : left) {
            for (Map<String, Kind> second : right) {
                Map<String, Kind> both = new LinkedHashMap<>(first);
                second.forEach((field, kind) -> both.merge(field, kind,
                        (a, b) -> a == Kind.EQUALITY || b == Kind.EQUALITY ? Kind.EQUALITY : a));
                product.add(both);
            }
        }
        return product;
    }

    private static List<Map<String, Kind>> addField(List<Map<String, Kind>> branches,
            String field, Object condition) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        collect(field, condition, fields);
        return cross(branches, List.of(fields));
    }

    private static void collect(String field, Object condition, Map<String, Kind> fields) {
        if (!(condition instanceof Document operators)
                || operators.keySet().stream().noneMatch(key -> key.startsWith("$"))) {
            fields.put(field, Kind.EQUALITY);
            return;
        }
        if (operators.get("$elemMatch") instanceof Document element) {
            element.forEach((name, value) -> {
                if (!name.startsWith("$")) {
                    collect(field + "." + name, value, fields);
                }
            });
            return;
        }
        if (operators.containsKey("$eq") || operators.containsKey("$in")) {
            fields.put(field, Kind.EQUALITY);
        } else if (operators.keySet().stream().anyMatch(RANGE_OPERATORS::contains)) {
            fields.put(field, Kind.RANGE);
        }
    }

    private static List<Document> documents(Object value) {
        List<Document> documents = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Document.class::isInstance).map(Document.class::cast)
                    .forEach(documents::add);
        }
        return documents;
    }
}
