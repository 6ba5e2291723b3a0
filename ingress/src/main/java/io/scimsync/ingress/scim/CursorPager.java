package io.scimsync.ingress.scim;

import io.scimsync.schemas.error.ScimException;
import io.scimsync.store.resource.KeysetPage;
import io.scimsync.store.resource.PagePosition;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.StoredResource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads the pages of cursor paging (RFC 9865) over one or more {@link ListingSegment}s, listed
 * one after the other. Each page is a range query after (or before) the cursor's position in its
 * segment, continued in the next (or previous) segment while the page is not full, so a deep
 * page costs as much as the first.
 */
@Component
public class CursorPager {

    private final ResourceStore store;

    public CursorPager(ResourceStore store) {
        this.store = store;
    }

    /**
     * Reads the page of up to {@code count} resources that {@code cursor} points to.
     *
     * @param cursor the decoded cursor, or null for the first page
     * @param count the page size; 0 only counts
     */
    CursorPage page(List<ListingSegment> segments, ListingCursor cursor, int count) {
        long[] totals = new long[segments.size()];
        long total = 0;
        for (int i = 0; i < segments.size(); i++) {
            totals[i] = store.count(segments.get(i).type(), segments.get(i).query());
            total += totals[i];
        }
        if (count == 0) {
            return new CursorPage(List.of(), total, null, null);
        }
        if (cursor != null && cursor.backward()) {
            return backward(segments, totals, total, cursor, count);
        }
        return forward(segments, totals, total, cursor, count);
    }

    private CursorPage forward(List<ListingSegment> segments, long[] totals, long total,
            ListingCursor cursor, int count) {
        int index = cursor == null ? 0 : indexOf(segments, cursor);
        PagePosition position = cursor == null ? null : cursor.position();
        List<StoredResource> read = new ArrayList<>();
        ListingCursor first = null;
        ListingCursor last = null;
        boolean more = false;
        while (index < segments.size() && read.size() < count) {
            ListingSegment segment = segments.get(index);
            KeysetPage page = store.seek(segment.type(), segment.query(), segment.order(),
                    position, false, count - read.size());
            read.addAll(page.resources());
            if (!page.resources().isEmpty()) {
                first = first != null ? first : at(segment, page.first(), true);
                last = at(segment, page.last(), false);
            }
            if (page.more()) {
                more = true;
                break;
            }
            index++;
            position = null;
        }
        more = more || sum(totals, index, segments.size()) > 0;
        ListingCursor next = more ? last : null;
        ListingCursor previous = cursor == null ? null
                : first != null ? first : new ListingCursor(true, cursor.type(), cursor.position());
        return new CursorPage(read, total, next, previous);
    }

    private CursorPage backward(List<ListingSegment> segments, long[] totals, long total,
            ListingCursor cursor, int count) {
        int index = indexOf(segments, cursor);
        PagePosition position = cursor.position();
        List<StoredResource> read = new ArrayList<>();
        ListingCursor first = null;
        ListingCursor last = null;
        boolean more = false;
        while (index >= 0 && read.size() < count) {
            ListingSegment segment = segments.get(index);
            KeysetPage page = store.seek(segment.type(), segment.query(), segment.order(),
                    position, true, count - read.size());
            read.addAll(0, page.resources());
            if (!page.resources().isEmpty()) {
                last = last != null ? last : at(segment, page.last(), false);
                first = at(segment, page.first(), true);
            }
            if (page.more()) {
                more = true;
                break;
            }
            index--;
            position = null;
        }
        more = more || sum(totals, 0, index + 1) > 0;
        ListingCursor previous = more ? first : null;
        ListingCursor next = last != null ? last
                : new ListingCursor(false, cursor.type(), cursor.position());
        return new CursorPage(read, total, next, previous);
    }

    private static ListingCursor at(ListingSegment segment, PagePosition position,
            boolean backward) {
        return new ListingCursor(backward, segment.type(), position);
    }

    private static int indexOf(List<ListingSegment> segments, ListingCursor cursor) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).type() == cursor.type()) {
                return i;
            }
        }
        throw ScimException.invalidCursor("the cursor points to " + cursor.type().scimName()
                + " resources, which this query does not list; send an empty cursor to start"
                + " again from the first page");
    }

    private static long sum(long[] totals, int from, int to) {
        long sum = 0;
        for (int i = Math.max(0, from); i < Math.min(totals.length, to); i++) {
            sum += totals[i];
        }
        return sum;
    }
}
