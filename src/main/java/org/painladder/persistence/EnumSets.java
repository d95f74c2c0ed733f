package org.painladder.persistence;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Small sets of codes (contraindications, pain conditions) stored as one sorted, comma-separated column. */
final class EnumSets {
    private EnumSets() {
    }

    static String join(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> split(String column, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(name -> Enum.valueOf(type, name)).forEach(values::add);
        }
        return values;
    }
}
