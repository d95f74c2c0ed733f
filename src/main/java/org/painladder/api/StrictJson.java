package org.painladder.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The service's ObjectMapper reads what the contract says and nothing else (api.md "Strict input"): an unknown
 * member, a duplicate key or content after the document is refused, and no value is coerced into another type (a
 * number into a timestamp, an enum or a string; a float into an integer; a string or number into a boolean), so an
 * EHR never believes a clinical fact was stored as it sent it when it was not. The same limits as {@link JsonBounds}
 * hold here too, for any JSON the mapper reads.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final LogicalType[] SCALARS = {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
            LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime, LogicalType.OtherScalar};

    /** After Quarkus' own customizers, so that its JSR-310 module does not take timestamps back from this one. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(JsonBounds.MAX_DEPTH)
                .maxNumberLength(JsonBounds.MAX_NUMBER_CHARS)
                .maxStringLength(JsonBounds.MAX_STRING_CHARS)
                .maxNameLength(JsonBounds.MAX_NAME_CHARS)
                .build());
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        for (LogicalType scalar : SCALARS) {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.String,
                    CoercionInputShape.EmptyString, CoercionInputShape.Array, CoercionInputShape.EmptyArray,
                    CoercionInputShape.Object, CoercionInputShape.EmptyObject}) {
                if (!naturalFor(scalar, shape)) {
                    mapper.coercionConfigFor(scalar).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        mapper.registerModule(new SimpleModule("painladder-strict-timestamps")
                .addDeserializer(OffsetDateTime.class, new TimestampFromTextOnly<>(OffsetDateTime.class, at -> at))
                .addDeserializer(Instant.class, new TimestampFromTextOnly<>(Instant.class, OffsetDateTime::toInstant)));
        mapper.registerModule(new SimpleModule("painladder-sets-without-repeats")
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
                                                                            CollectionType type,
                                                                            BeanDescription description,
                                                                            JsonDeserializer<?> deserializer) {
                        return Set.class.isAssignableFrom(type.getRawClass())
                                ? new SetWithoutRepeats(deserializer, type.getContentType()) : deserializer;
                    }
                }));
    }

    /** An item given twice in an array read as a set (the contract's uniqueItems), at {@code field[index]}. */
    public static final class RepeatedItem extends MismatchedInputException {
        RepeatedItem(JsonParser parser, Object items, int index) {
            super(parser, "item " + index + " repeats an earlier one");
            prependPath(items, index);
        }
    }

    /**
     * A set-valued field (redFlags, contraindications …) whose array names an item twice is refused (422), not
     * collapsed: the contract says uniqueItems, and a retry that differs from its first send only by a repeat would
     * otherwise be stored as the same fact or answered as a conflict.
     */
    static final class SetWithoutRepeats extends DelegatingDeserializer {
        private final JavaType itemType;

        SetWithoutRepeats(JsonDeserializer<?> delegate, JavaType itemType) {
            super(delegate);
            this.itemType = itemType;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new SetWithoutRepeats(newDelegatee, itemType);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartArrayToken()) {
                return _delegatee.deserialize(parser, context);
            }
            JsonNode items = context.readTree(parser);
            Object read = _delegatee.deserialize(replay(items, parser), context);
            if (read instanceof Set<?> set && set.size() < items.size()) {
                JsonDeserializer<Object> item = context.findRootValueDeserializer(itemType);
                Set<Object> seen = new HashSet<>();
                for (int index = 0; index < items.size(); index++) {
                    JsonNode node = items.get(index);
                    if (!seen.add(node.isNull() ? null : item.deserialize(replay(node, parser), context))) {
                        throw new RepeatedItem(parser, read, index);
                    }
                }
            }
            return read;
        }

        private static JsonParser replay(JsonNode node, JsonParser original) throws IOException {
            JsonParser parser = node.traverse(original.getCodec());
            parser.nextToken();
            return parser;
        }
    }

    /** Whether a JSON shape is how values of this kind are written, and so not a coercion at all. */
    private static boolean naturalFor(LogicalType scalar, CoercionInputShape shape) {
        return switch (scalar) {
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Integer || shape == CoercionInputShape.Float;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case Textual -> shape == CoercionInputShape.String || shape == CoercionInputShape.EmptyString;
            default -> shape == CoercionInputShape.String;
        };
    }

    /**
     * An RFC 3339 string only ({@link Rfc3339}): the JSR-310 readers would take 0, 1.7e9 or "1700000000" as seconds
     * since 1970, and a year of -999999999. Digits past the microsecond are dropped, as the database keeps no more:
     * the first answer then shows what a retry or a read shows, and dropping (not rounding) never moves a time later.
     */
    static final class TimestampFromTextOnly<T> extends StdDeserializer<T> {
        private final transient Function<OffsetDateTime, T> as;

        TimestampFromTextOnly(Class<T> type, Function<OffsetDateTime, T> as) {
            super(type);
            this.as = as;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            try {
                return as.apply(Rfc3339.parse(text).truncatedTo(ChronoUnit.MICROS));
            } catch (DateTimeParseException notRfc3339) {
                return (T) context.handleWeirdStringValue(handledType(), text, notRfc3339.getMessage());
            }
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
