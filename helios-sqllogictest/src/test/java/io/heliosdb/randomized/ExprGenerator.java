package io.heliosdb.randomized;

import java.util.List;
import java.util.Random;

/**
 * Generates typed PostgreSQL expressions that cannot raise errors: integer arithmetic stays far from
 * overflow (small values, multiplication only by small constants), division only by non-zero constants,
 * no casts from text; doubles are never negated, so no negative zero appears.
 */
final class ExprGenerator {
    private static final List<String> LIKE_PATTERNS = List.of("'a%'", "'%b%'", "'_'", "'%'", "'a_c'", "'A%'", "''",
            "'%c'");

    private final Random random;
    private final RandomSchema schema;
    private int aliases;

    ExprGenerator(Random random, RandomSchema schema) {
        this.random = random;
        this.schema = schema;
    }

    Expr predicate(Scope scope, int depth) {
        return gen(ColType.BOOL, scope, depth);
    }

    /** Any type, biased towards the types the scope has columns of. */
    ColType anyType(Scope scope) {
        if (!scope.bare().isEmpty() && random.nextInt(4) != 0) {
            return scope.bare().get(random.nextInt(scope.bare().size())).type();
        }
        return ColType.ALL.get(random.nextInt(ColType.ALL.size()));
    }

    Expr gen(ColType type, Scope scope, int depth) {
        if (depth <= 0 || random.nextInt(4) == 0) {
            return leaf(type, scope);
        }
        int d = depth - 1;
        if (random.nextInt(6) == 0) {
            return generic(type, scope, d);
        }
        return switch (type) {
            case INT -> switch (random.nextInt(13)) {
                case 0 -> Expr.of(type, "($0 + $1)", gen(type, scope, d), gen(type, scope, d));
                case 1 -> Expr.of(type, "($0 - $1)", gen(type, scope, d), gen(type, scope, d));
                case 2 -> Expr.of(type, "($0 * " + (random.nextInt(7) - 3) + ")", gen(type, scope, d));
                case 3 -> Expr.of(type, "(- $0)", gen(type, scope, d));
                case 4 -> Expr.of(type, "abs($0)", gen(type, scope, d));
                case 5 -> Expr.of(type, "($0 / " + pick("2", "3", "-4") + ")", gen(type, scope, d));
                case 6 -> Expr.of(type, "($0 % " + pick("2", "3", "-5") + ")", gen(type, scope, d));
                case 7 -> Expr.of(type, "length($0)", gen(ColType.TEXT, scope, d));
                case 8 -> Expr.of(type, "CAST($0 AS integer)", gen(ColType.NUMERIC, scope, d));
                case 9 -> Expr.of(type, "($0 - $1)", gen(ColType.DATE, scope, d), gen(ColType.DATE, scope, d));
                case 10 -> Expr.of(type, "CAST($0 AS integer)", gen(ColType.BOOL, scope, d));
                case 11 -> Expr.of(type, "CAST($0 AS integer)", gen(ColType.DOUBLE, scope, d));
                default -> leaf(type, scope);
            };
            case BIGINT -> switch (random.nextInt(6)) {
                case 0 -> Expr.of(type, "($0 + $1)", gen(type, scope, d), gen(type, scope, d));
                case 1 -> Expr.of(type, "($0 - $1)", gen(type, scope, d), gen(type, scope, d));
                case 2 -> Expr.of(type, "($0 * " + (random.nextInt(5) - 2) + ")", gen(type, scope, d));
                case 3 -> Expr.of(type, "abs($0)", gen(type, scope, d));
                case 4 -> Expr.of(type, "CAST($0 AS bigint)", gen(ColType.INT, scope, d));
                default -> leaf(type, scope);
            };
            case NUMERIC -> switch (random.nextInt(7)) {
                case 0 -> Expr.of(type, "($0 + $1)", gen(type, scope, d), gen(type, scope, d));
                case 1 -> Expr.of(type, "($0 - $1)", gen(type, scope, d), gen(type, scope, d));
                case 2 -> Expr.of(type, "($0 * " + (random.nextInt(5) - 2) + ")", gen(type, scope, d));
                case 3 -> Expr.of(type, "abs($0)", gen(type, scope, d));
                case 4 -> Expr.of(type, "(- $0)", gen(type, scope, d));
                case 5 -> Expr.of(type, "CAST($0 AS numeric(10,2))", gen(ColType.INT, scope, d));
                default -> leaf(type, scope);
            };
            case DOUBLE -> switch (random.nextInt(7)) {
                case 0 -> Expr.of(type, "($0 + $1)", gen(type, scope, d), gen(type, scope, d));
                case 1 -> Expr.of(type, "($0 - $1)", gen(type, scope, d), gen(type, scope, d));
                case 2 -> Expr.of(type, "($0 * " + pick("2", "3") + ")", gen(type, scope, d));
                case 3 -> Expr.of(type, "abs($0)", gen(type, scope, d));
                case 4 -> Expr.of(type, "CAST($0 AS double precision)", gen(ColType.INT, scope, d));
                case 5 -> Expr.of(type, "CAST($0 AS double precision)", gen(ColType.NUMERIC, scope, d));
                default -> leaf(type, scope);
            };
            case TEXT -> switch (random.nextInt(10)) {
                case 0 -> Expr.of(type, "($0 || $1)", gen(type, scope, d), gen(type, scope, d));
                case 1 -> Expr.of(type, "lower($0)", gen(type, scope, d));
                case 2 -> Expr.of(type, "upper($0)", gen(type, scope, d));
                case 3 -> Expr.of(type, "substr($0, 1, 2)", gen(type, scope, d));
                case 4 -> Expr.of(type, "replace($0, 'a', 'z')", gen(type, scope, d));
                case 5 -> Expr.of(type, "CAST($0 AS text)", gen(ColType.INT, scope, d));
                case 6 -> Expr.of(type, "CAST($0 AS text)", gen(ColType.DATE, scope, d));
                case 7 -> Expr.of(type, "CAST($0 AS text)", gen(ColType.NUMERIC, scope, d));
                case 8 -> Expr.of(type, "CAST($0 AS text)", gen(ColType.BOOL, scope, d));
                default -> leaf(type, scope);
            };
            case DATE -> switch (random.nextInt(3)) {
                case 0 -> Expr.of(type, "($0 + " + (1 + random.nextInt(40)) + ")", gen(type, scope, d));
                case 1 -> Expr.of(type, "($0 - " + (1 + random.nextInt(40)) + ")", gen(type, scope, d));
                default -> leaf(type, scope);
            };
            case BOOL -> bool(scope, d);
        };
    }

    private Expr bool(Scope scope, int d) {
        ColType t = anyType(scope);
        return switch (random.nextInt(17)) {
            case 0, 1 -> Expr.of(ColType.BOOL, "($0 AND $1)", predicate(scope, d), predicate(scope, d));
            case 2, 3 -> Expr.of(ColType.BOOL, "($0 OR $1)", predicate(scope, d), predicate(scope, d));
            case 4 -> Expr.of(ColType.BOOL, "(NOT $0)", predicate(scope, d));
            case 5, 6, 7 -> Expr.of(ColType.BOOL, "($0 " + pick("=", "<>", "<", "<=", ">", ">=") + " $1)",
                    gen(t, scope, d), gen(comparable(t), scope, d));
            case 8 -> Expr.of(ColType.BOOL, "($0 " + pick("IS NULL", "IS NOT NULL") + ")", gen(t, scope, d));
            case 9 -> Expr.of(ColType.BOOL, "($0 " + pick("IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE",
                    "IS UNKNOWN", "IS NOT UNKNOWN") + ")", predicate(scope, d));
            case 10 -> Expr.of(ColType.BOOL, "($0 " + pick("IS DISTINCT FROM", "IS NOT DISTINCT FROM") + " $1)",
                    gen(t, scope, d), gen(comparable(t), scope, d));
            case 11 -> Expr.of(ColType.BOOL, "($0 " + pick("BETWEEN", "NOT BETWEEN", "BETWEEN SYMMETRIC")
                    + " $1 AND $2)", gen(t, scope, d), gen(comparable(t), scope, d), gen(comparable(t), scope, d));
            case 12 -> Expr.of(ColType.BOOL, "($0 " + pick("IN", "NOT IN") + " ($1, $2, $3))", gen(t, scope, d),
                    gen(comparable(t), scope, d), gen(comparable(t), scope, d), gen(comparable(t), scope, d));
            case 13 -> Expr.of(ColType.BOOL, "($0 " + pick("LIKE", "NOT LIKE", "ILIKE") + " "
                    + pick(LIKE_PATTERNS.toArray(String[]::new)) + ")", gen(ColType.TEXT, scope, d));
            case 14 -> inSubquery(scope, d);
            case 15 -> exists(scope, d);
            default -> leaf(ColType.BOOL, scope);
        };
    }

    /** CASE, COALESCE, NULLIF and a scalar aggregate subquery: the same for every type. */
    private Expr generic(ColType type, Scope scope, int d) {
        switch (random.nextInt(5)) {
            case 0:
                return random.nextBoolean()
                        ? Expr.of(type, "CASE WHEN $0 THEN $1 ELSE $2 END", predicate(scope, d), gen(type, scope, d),
                                gen(type, scope, d))
                        : Expr.of(type, "CASE WHEN $0 THEN $1 END", predicate(scope, d), gen(type, scope, d));
            case 1: {
                ColType t = anyType(scope);
                return Expr.of(type, "CASE $0 WHEN $1 THEN $2 ELSE $3 END", gen(t, scope, d), gen(t, scope, d),
                        gen(type, scope, d), gen(type, scope, d));
            }
            case 2:
                return Expr.of(type, "COALESCE($0, $1)", gen(type, scope, d), gen(type, scope, d));
            case 3:
                return Expr.of(type, "NULLIF($0, $1)", gen(type, scope, d), gen(type, scope, d));
            default: {
                List<RandomSchema.Table> tables = schema.tablesWith(o -> o == type.ordinal());
                if (tables.isEmpty() || type == ColType.BOOL) {
                    return leaf(type, scope);
                }
                RandomSchema.Table table = tables.get(random.nextInt(tables.size()));
                String alias = "s" + aliases++;
                List<RandomSchema.Column> cols = table.columns().stream().filter(c -> c.type() == type).toList();
                String column = cols.get(random.nextInt(cols.size())).name();
                return Expr.of(type, "(SELECT " + pick("max", "min") + "(" + alias + "." + column + ") FROM "
                        + table.name() + " AS " + alias + " WHERE $0)", predicate(scope.plus(alias, table), d));
            }
        }
    }

    private Expr inSubquery(Scope scope, int d) {
        RandomSchema.Table table = schema.tables().get(random.nextInt(schema.tables().size()));
        RandomSchema.Column column = table.columns().get(random.nextInt(table.columns().size()));
        String alias = "s" + aliases++;
        return Expr.of(ColType.BOOL, "($0 " + pick("IN", "NOT IN") + " (SELECT " + alias + "." + column.name()
                + " FROM " + table.name() + " AS " + alias + " WHERE $1))", gen(comparable(column.type()), scope, d),
                predicate(scope.plus(alias, table), d));
    }

    private Expr exists(Scope scope, int d) {
        RandomSchema.Table table = schema.tables().get(random.nextInt(schema.tables().size()));
        String alias = "s" + aliases++;
        return Expr.of(ColType.BOOL, "(" + pick("", "NOT ") + "EXISTS (SELECT 1 FROM " + table.name() + " AS " + alias
                + " WHERE $0))", predicate(scope.plus(alias, table), d));
    }

    Expr leaf(ColType type, Scope scope) {
        if (scope.aggArgs() != null && random.nextInt(3) == 0) {
            return aggregate(type, scope);
        }
        List<Scope.ColumnRef> columns = scope.ofType(type);
        if (!columns.isEmpty() && random.nextInt(10) < 7) {
            return Expr.leaf(type, columns.get(random.nextInt(columns.size())).sql());
        }
        return random.nextInt(8) == 0 ? Expr.leaf(type, type.nullLiteral()) : Expr.leaf(type, type.literal(random));
    }

    /** An aggregate of this type over the scope's row columns. */
    Expr aggregate(ColType type, Scope scope) {
        Scope rows = Scope.rows(scope.aggArgs());
        return switch (type) {
            case BIGINT -> switch (random.nextInt(4)) {
                case 0 -> Expr.leaf(type, "count(*)");
                case 1 -> Expr.of(type, "count($0)", gen(anyType(rows), rows, 1));
                case 2 -> Expr.of(type, "count(DISTINCT $0)", gen(anyType(rows), rows, 1));
                default -> Expr.of(type, "sum($0)", gen(ColType.INT, rows, 1));
            };
            case NUMERIC, DOUBLE -> Expr.of(type, pick("min", "max", "sum") + "($0)", gen(type, rows, 1));
            case INT, TEXT, DATE -> Expr.of(type, pick("min", "max") + "($0)", gen(type, rows, 1));
            case BOOL -> Expr.of(type, pick("bool_and", "bool_or") + "($0)", gen(type, rows, 1));
        };
    }

    private ColType comparable(ColType type) {
        if (!type.numericFamily() || random.nextInt(3) != 0) {
            return type;
        }
        return pick(ColType.INT, ColType.BIGINT, ColType.NUMERIC, ColType.DOUBLE);
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    Random random() {
        return random;
    }
}
