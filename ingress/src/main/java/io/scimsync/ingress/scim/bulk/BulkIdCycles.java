package io.scimsync.ingress.scim.bulk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the bulkIds that take part in a circular reference, such as two POSTs of groups that
 * each list the other as a member, or a POST that references its own bulkId. It computes the
 * strongly connected components of the reference graph (Kosaraju's algorithm) with explicit
 * stacks, so a long chain of references cannot overflow the thread's stack.
 */
final class BulkIdCycles {

    private BulkIdCycles() {
    }

    /**
     * Returns, for every bulkId on a cycle, the bulkIds of its cycle.
     *
     * @param references for each POST's bulkId, the POST bulkIds its data references
     */
    static Map<String, List<String>> find(Map<String, Set<String>> references) {
        List<String> finished = finishingOrder(references);
        Map<String, List<String>> referencedBy = reverse(references);
        Map<String, List<String>> cycles = new HashMap<>();
        Set<String> assigned = new HashSet<>();
        for (int i = finished.size() - 1; i >= 0; i--) {
            String root = finished.get(i);
            if (!assigned.add(root)) {
                continue;
            }
            List<String> component = component(root, referencedBy, assigned);
            if (component.size() > 1 || references.get(root).contains(root)) {
                component.forEach(bulkId -> cycles.put(bulkId, component));
            }
        }
        return cycles;
    }

    /** Returns the bulkIds in the order a depth-first walk finishes them. */
    private static List<String> finishingOrder(Map<String, Set<String>> references) {
        List<String> finished = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String start : references.keySet()) {
            if (!visited.add(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            path.push(start);
            pending.push(references.get(start).iterator());
            while (!pending.isEmpty()) {
                Iterator<String> targets = pending.peek();
                if (!targets.hasNext()) {
                    pending.pop();
                    finished.add(path.pop());
                    continue;
                }
                String target = targets.next();
                if (references.containsKey(target) && visited.add(target)) {
                    path.push(target);
                    pending.push(references.get(target).iterator());
                }
            }
        }
        return finished;
    }

    private static Map<String, List<String>> reverse(Map<String, Set<String>> references) {
        Map<String, List<String>> referencedBy = new HashMap<>();
        references.forEach((source, targets) -> {
            for (String target : targets) {
                if (references.containsKey(target)) {
                    referencedBy.computeIfAbsent(target, key -> new ArrayList<>()).add(source);
                }
            }
        });
        return referencedBy;
    }

    private static List<String> component(String root, Map<String, List<String>> referencedBy,
            Set<String> assigned) {
        List<String> component = new ArrayList<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            String bulkId = pending.pop();
            component.add(bulkId);
            for (String source : referencedBy.getOrDefault(bulkId, List.of())) {
                if (assigned.add(source)) {
                    pending.push(source);
                }
            }
        }
        return component;
    }
}
