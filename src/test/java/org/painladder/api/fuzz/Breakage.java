package org.painladder.api.fuzz;

import static org.painladder.api.fuzz.Shapes.pick;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.RandomnessSource;

/**
 * The ways a client breaks a request: a wrong or hostile value anywhere in the tree, a member the schema does not
 * have, a key twice, a member missing; and whole-body damage (cut short, content after it, not UTF-8, wrapped,
 * no or the wrong content type). Every hostile string carries {@link #SENTINEL} so the log check can find it.
 */
final class Breakage {

    static final String SENTINEL = "ZQXSENTINEL";

    private Breakage() {
    }

    static final List<String> HOSTILE_VALUES = List.of(
            "null", "true", "false", "0", "-1", "2.9", "-0.0", "1e400", "-1e400", "1e-400", "1e1000000000",
            "1E+9999", "99999999999999999999999", "1" + "0".repeat(70), "0." + "0".repeat(60) + "1", "1e999",
            "\"\"", "\" \"", "\"7\"", "\"true\"", "\"nrs\"", "\"2026-13-45T25:61:00Z\"", "\"+275760-09-13T00:00:00Z\"",
            "\"1970-01-01T00:00:00Z\"", "\"2026-11-20\"", "{}", "[]", "[null]", "[1, 2, 3]", "{\"a\": 1}",
            JsonTree.quote(SENTINEL + "x".repeat(129)), JsonTree.quote(SENTINEL + "y".repeat(2_001)),
            JsonTree.quote(SENTINEL + "z".repeat(66_000)), JsonTree.quote("\u0000" + SENTINEL),
            JsonTree.quote("\ud800" + SENTINEL), JsonTree.quote("\u202e" + SENTINEL + "\u200b\ufeff"),
            JsonTree.quote("\uD83D\uDE42".repeat(300) + SENTINEL), "\"é中\uD83D\uDE42" + SENTINEL + "\"",
            JsonTree.quote(SENTINEL + "' OR 1=1; DROP TABLE patient; --"),
            "[".repeat(70) + "]".repeat(70), "{\"a\": ".repeat(70) + "1" + "}".repeat(70),
            "[" + "0, ".repeat(1_000) + "0]", "[" + "{}, ".repeat(1_000) + "{}]",
            "NaN", "Infinity", "'" + SENTINEL + "'", "\"" + SENTINEL, "01", "+1", ".5", "0x10");

    static final List<String> UNKNOWN_NAMES = List.of("renalFunctio", "__proto__", "constructor", "", "x".repeat(300),
            "mrn ", "MRN", "Value", "note", "\u00e9t\u00e9", "$ref", "resourceType");

    static final List<String> TRAILERS = List.of(" {}", " x", "]", ",", " null", "\u0000", " {\"mrn\": \"b\"}");

    static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1");

    /** What was done to a valid body, to read in a failure report. */
    record Damage(String body, String contentType, List<String> steps) {
        byte[] bytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    static Damage apply(JsonTree valid, String contentType, RandomnessSource random) {
        List<String> steps = new ArrayList<>();
        int treeMutations = pick(random, 4);
        for (int i = 0; i < treeMutations; i++) {
            steps.add(mutateTree(valid, random));
        }
        String body = valid.write();
        String type = contentType;
        if (pick(random, 4) == 0) {
            switch (pick(random, 7)) {
                case 0 -> {
                    int cut = pick(random, Math.max(1, body.length()));
                    body = body.substring(0, cut);
                    steps.add("cut at " + cut);
                }
                case 1 -> {
                    String trailer = TRAILERS.get(pick(random, TRAILERS.size()));
                    body = body + trailer;
                    steps.add("trailing " + JsonTree.quote(trailer));
                }
                case 2 -> {
                    body = "[" + body + "]";
                    steps.add("wrapped in an array");
                }
                case 3 -> {
                    body = HOSTILE_VALUES.get(pick(random, HOSTILE_VALUES.size()));
                    steps.add("body replaced by a hostile value");
                }
                case 4 -> {
                    body = "";
                    steps.add("empty body");
                }
                case 5 -> {
                    type = null;
                    steps.add("no Content-Type");
                }
                default -> {
                    type = WRONG_CONTENT_TYPES.get(pick(random, WRONG_CONTENT_TYPES.size()));
                    steps.add("Content-Type " + type);
                }
            }
        }
        return new Damage(body, type, steps);
    }

    private static String mutateTree(JsonTree root, RandomnessSource random) {
        List<JsonTree.Obj> objects = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        collect(root, "", objects, slots);
        int kind = pick(random, 10);
        if (kind < 6 && !slots.isEmpty()) {
            Slot slot = slots.get(pick(random, slots.size()));
            String hostile = HOSTILE_VALUES.get(pick(random, HOSTILE_VALUES.size()));
            slot.replace(new JsonTree.Raw(hostile));
            return slot.path() + " := " + abbreviated(hostile);
        }
        if (objects.isEmpty()) {
            return "no object to change";
        }
        JsonTree.Obj object = objects.get(pick(random, objects.size()));
        if (kind < 8 || object.members().isEmpty()) {
            String name = UNKNOWN_NAMES.get(pick(random, UNKNOWN_NAMES.size()));
            object.members().add(new JsonTree.Member(name, new JsonTree.Raw(
                    HOSTILE_VALUES.get(pick(random, HOSTILE_VALUES.size())))));
            return "unknown member " + abbreviated(name);
        }
        int index = pick(random, object.members().size());
        JsonTree.Member member = object.members().get(index);
        if (kind == 8) {
            object.members().add(new JsonTree.Member(member.name(), new JsonTree.Raw("\"" + SENTINEL + "-twin\"")));
            return "duplicate key " + member.name();
        }
        object.members().remove(index);
        return "removed " + member.name();
    }

    /** A place a value sits: an object's member or an array's item. */
    private record Slot(String path, java.util.function.Consumer<JsonTree> setter) {
        void replace(JsonTree value) {
            setter.accept(value);
        }
    }

    private static void collect(JsonTree node, String path, List<JsonTree.Obj> objects, List<Slot> slots) {
        if (node instanceof JsonTree.Obj object) {
            objects.add(object);
            for (int i = 0; i < object.members().size(); i++) {
                int index = i;
                JsonTree.Member member = object.members().get(i);
                String memberPath = path.isEmpty() ? member.name() : path + "." + member.name();
                slots.add(new Slot(memberPath,
                        value -> object.members().set(index, new JsonTree.Member(member.name(), value))));
                collect(member.value(), memberPath, objects, slots);
            }
        } else if (node instanceof JsonTree.Arr array) {
            for (int i = 0; i < array.items().size(); i++) {
                int index = i;
                String itemPath = path + "[" + i + "]";
                slots.add(new Slot(itemPath, value -> array.items().set(index, value)));
                collect(array.items().get(i), itemPath, objects, slots);
            }
        }
    }

    static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + " chars)" : text;
    }
}
