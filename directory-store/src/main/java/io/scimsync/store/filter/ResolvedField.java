package io.scimsync.store.filter;

/** A document field and the value to compare it with, as a filter comparison resolves them. */
record ResolvedField(String name, Object value) {
}
