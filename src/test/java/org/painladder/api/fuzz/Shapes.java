package org.painladder.api.fuzz;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * What a valid request looks like, field by field: each field names a generator of valid JSON for it. A request
 * schema is an {@link #object} of {@link #field}s, so a new field is one line in {@link RequestSchemas}.
 */
final class Shapes {

    private Shapes() {
    }

    /** Makes a valid value of one field (nested objects and arrays included) from the fuzzer's randomness. */
    @FunctionalInterface
    interface Shape {
        JsonTree valid(RandomnessSource random);
    }

    /** A member of an object; optional members are left out of about a third of the valid bodies. */
    record Field(String name, Shape shape, boolean required) {
    }

    static Field field(String name, Shape shape) {
        return new Field(name, shape, false);
    }

    static Field required(String name, Shape shape) {
        return new Field(name, shape, true);
    }

    static Shape object(Field... fields) {
        List<Field> members = List.of(fields);
        return random -> {
            List<JsonTree.Member> chosen = new ArrayList<>();
            for (Field field : members) {
                if (field.required() || pick(random, 3) > 0) {
                    chosen.add(new JsonTree.Member(field.name(), field.shape().valid(random)));
                }
            }
            return new JsonTree.Obj(chosen);
        };
    }

    static Shape arrayOf(Shape item, int maxItems) {
        return random -> {
            int size = pick(random, maxItems + 1);
            List<JsonTree> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                items.add(item.valid(random));
            }
            return new JsonTree.Arr(items);
        };
    }

    static Shape oneOf(String... codes) {
        return random -> new JsonTree.Raw(JsonTree.quote(codes[pick(random, codes.length)]));
    }

    static Shape oneOf(Shape... shapes) {
        return random -> shapes[pick(random, shapes.length)].valid(random);
    }

    static Shape constant(String text) {
        return random -> new JsonTree.Raw(JsonTree.quote(text));
    }

    static Shape codes(Class<? extends Enum<?>> type) {
        return oneOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new));
    }

    static Shape integers(int min, int max) {
        return random -> new JsonTree.Raw(Long.toString(random.next(Constraint.between(min, max))));
    }

    /** Decimals with up to 2 places, e.g. 12.5. */
    static Shape decimals(int min, int max) {
        return random -> {
            long hundredths = random.next(Constraint.between(min * 100L, max * 100L));
            return new JsonTree.Raw(java.math.BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString());
        };
    }

    static Shape booleans() {
        return random -> new JsonTree.Raw(pick(random, 2) == 0 ? "true" : "false");
    }

    /** Text of letters, digits and - with a fixed prefix (e.g. MRNs the log check looks for). */
    static Shape text(String prefix, int minLength, int maxLength) {
        return random -> {
            int length = (int) random.next(Constraint.between(minLength, maxLength));
            StringBuilder text = new StringBuilder(prefix);
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-";
            while (text.length() < length) {
                text.append(alphabet.charAt(pick(random, alphabet.length())));
            }
            return new JsonTree.Raw(JsonTree.quote(text.toString()));
        };
    }

    /** RFC 3339 instants in the last ten days, to the second. */
    static Shape recentTimestamps() {
        return random -> new JsonTree.Raw(JsonTree.quote(Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds(random.next(Constraint.between(60, 10 * 24 * 3600))).toString()));
    }

    static int pick(RandomnessSource random, int choices) {
        return (int) random.next(Constraint.between(0, choices - 1));
    }
}
