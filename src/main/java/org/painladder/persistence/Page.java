package org.painladder.persistence;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One page of a list, with the total across all pages (api.md: {items, page, size, total}). */
public record Page<T>(List<T> items, int page, int size, long total) {

    /**
     * A page whose total is counted only when the page cannot tell it: a first page that is not full holds every
     * item, so the count query (which reads every matching row) is skipped for short lists.
     */
    public static <T> Page<T> of(List<T> items, int page, int size, LongSupplier count) {
        return new Page<>(items, page, size, page == 0 && items.size() < size ? items.size() : count.getAsLong());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
