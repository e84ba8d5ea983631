package io.heliosdb.randomized;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Draws TLP cases (query, predicate, variant) over one schema. */
final class TlpCaseGenerator {
    private static final List<String> AGGREGATES = List.of("MIN", "MAX", "SUM", "COUNT");

    private final Random random;
    private final RandomSchema schema;
    private final ExprGenerator exprs;

    TlpCaseGenerator(Random random, RandomSchema schema) {
        this.random = random;
        this.schema = schema;
        this.exprs = new ExprGenerator(random, schema);
    }

    TlpCase next() {
        FromClause from = from();
        Scope rows = Scope.rows(from.columns());
        Variant variant = Variant.values()[random.nextInt(Variant.values().length)];
        Expr where = random.nextInt(4) == 0 ? exprs.predicate(rows, 2) : null;
        List<Expr> items = new ArrayList<>();
        List<Expr> groupBy = new ArrayList<>();
        Expr predicate = exprs.predicate(rows, 3);
        String aggregate = null;
        switch (variant) {
            case WHERE, DISTINCT -> {
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    items.add(exprs.gen(exprs.anyType(rows), rows, random.nextInt(3)));
                }
            }
            case GROUP_BY -> {
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    items.add(groupKey(rows));
                }
            }
            case HAVING -> {
                List<Scope.ColumnRef> keys = new ArrayList<>();
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    Scope.ColumnRef key = rows.bare().get(random.nextInt(rows.bare().size()));
                    if (!keys.contains(key)) {
                        keys.add(key);
                        groupBy.add(Expr.leaf(key.type(), key.sql()));
                    }
                }
                items.addAll(groupBy);
                Scope grouped = new Scope(List.copyOf(keys), rows.bare());
                int aggregates = 1 + random.nextInt(2);
                for (int i = 0; i < aggregates; i++) {
                    items.add(exprs.aggregate(exprs.anyType(rows), grouped));
                }
                predicate = exprs.predicate(grouped, 3);
            }
            case AGGREGATE -> {
                aggregate = AGGREGATES.get(random.nextInt(AGGREGATES.size()));
                ColType type = exprs.anyType(rows);
                if (aggregate.equals("SUM") && !type.numericFamily()) {
                    type = exprs.pick(ColType.INT, ColType.BIGINT, ColType.NUMERIC, ColType.DOUBLE);
                } else if (type == ColType.BOOL && !aggregate.equals("COUNT")) {
                    type = ColType.INT;
                }
                items.add(exprs.gen(type, rows, 2));
            }
        }
        return new TlpCase(variant, from, List.copyOf(items), where, List.copyOf(groupBy), predicate, aggregate);
    }

    /** A grouping key without subqueries, so that PostgreSQL matches the select item to the GROUP BY item. */
    private Expr groupKey(Scope rows) {
        while (true) {
            Expr key = exprs.gen(exprs.anyType(rows), rows, random.nextInt(2));
            // A bare integer in GROUP BY is a select-list position, not a value.
            if (!key.sql().contains("SELECT") && !key.sql().matches("-?[0-9]+")) {
                return key;
            }
        }
    }

    FromClause from() {
        int count = 1 + (random.nextInt(3) == 0 ? 0 : random.nextInt(3) == 0 ? 2 : 1);
        List<RandomSchema.Table> tables = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        List<Expr> on = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tables.add(schema.tables().get(random.nextInt(schema.tables().size())));
            joins.add(i == 0 ? "" : count == 2 && random.nextInt(5) == 0 ? ","
                    : exprs.pick("JOIN", "LEFT JOIN", "CROSS JOIN"));
            on.add(null);
        }
        FromClause partial = new FromClause(List.copyOf(tables), List.copyOf(joins), on);
        List<Expr> conditions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean needsOn = joins.get(i).equals("JOIN") || joins.get(i).equals("LEFT JOIN");
            conditions.add(needsOn ? exprs.predicate(Scope.rows(partial.columns(i + 1)), 2) : null);
        }
        return new FromClause(List.copyOf(tables), List.copyOf(joins), java.util.Collections.unmodifiableList(conditions));
    }

    ExprGenerator exprs() {
        return exprs;
    }
}
