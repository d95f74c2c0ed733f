package org.painladder.api.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A JSON document as the fuzzer builds and mutates it: leaves hold raw JSON text (so a leaf can be 1e1000000000 or
 * half a string), objects keep their members in order and may hold a key twice.
 */
sealed interface JsonTree {

    String write();

    record Raw(String json) implements JsonTree {
        @Override
        public String write() {
            return json;
        }
    }

    record Member(String name, JsonTree value) {
    }

    record Obj(List<Member> members) implements JsonTree {
        public Obj {
            members = new ArrayList<>(members);
        }

        @Override
        public String write() {
            return members.stream().map(m -> quote(m.name()) + ": " + m.value().write())
                    .collect(Collectors.joining(", ", "{ ", " }"));
        }
    }

    record Arr(List<JsonTree> items) implements JsonTree {
        public Arr {
            items = new ArrayList<>(items);
        }

        @Override
        public String write() {
            return items.stream().map(JsonTree::write).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** A JSON string literal; characters outside printable ASCII are escaped, so lone surrogates survive. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
