package org.painladder.api;

import java.util.List;
import org.painladder.persistence.Page;

/** The list shape every collection answers with (api.md Conventions). */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.page(), page.size(), page.total());
    }
}
