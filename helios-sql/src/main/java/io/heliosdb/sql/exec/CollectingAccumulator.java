package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.analyze.BoundExpr.AggregateKind;
import io.heliosdb.sql.types.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** array_agg, json[b]_agg and json[b]_object_agg: every row's value in order; NULL over no rows. */
final class CollectingAccumulator extends Accumulator {
    /** One row's input, never null itself so NULL values are kept; {@code second} is an object aggregate's value. */
    record Item(Object value, Object second) {
    }

    private final AggregateKind kind;
    private final SqlType valueType;
    private final SqlType secondType;
    private final List<Item> items = new ArrayList<>();

    CollectingAccumulator(AggregateCall call) {
        super(call.distinct());
        this.kind = call.kind();
        this.valueType = call.argument().type();
        this.secondType = call.separator() == null ? null : call.separator().type();
    }

    @Override
    void accept(Object value) {
        items.add((Item) value);
    }

    @Override
    Object result() {
        if (items.isEmpty()) {
            return null;
        }
        return switch (kind) {
            case ARRAY_AGG -> Collections.unmodifiableList(items.stream().map(Item::value).toList());
            case JSON_AGG -> JsonText.agg(items.stream().map(Item::value).toList(), valueType);
            case JSON_OBJECT_AGG -> {
                for (Item i : items) {
                    if (i.value() == null) {
                        throw new HeliosException(SqlState.NULL_VALUE_NOT_ALLOWED, "field name must not be null");
                    }
                }
                yield JsonText.objectAgg(items.stream().map(Item::value).toList(), valueType,
                        items.stream().map(Item::second).toList(), secondType);
            }
            case JSONB_AGG -> Json.write(items.stream().map(i -> JsonConversion.toTree(i.value(), valueType)).toList());
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (Item i : items) {
                    if (i.value() == null) {
                        throw new HeliosException(SqlState.NULL_VALUE_NOT_ALLOWED, "field name must not be null");
                    }
                    Object key = JsonConversion.toTree(i.value(), valueType);
                    String k = key instanceof String s ? s : Json.write(key);
                    object.remove(k);
                    object.put(k, JsonConversion.toTree(i.second(), secondType));
                }
                yield Json.write(kind == AggregateKind.JSONB_OBJECT_AGG ? Json.sorted(object) : object);
            }
        };
    }
}
