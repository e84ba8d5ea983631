package io.heliosdb.randomized;

import java.util.List;
import java.util.Random;

/**
 * The column and expression types the generator uses, with value pools chosen so that results never
 * depend on row order: numeric has a fixed scale (1.5 and 1.50 would be equal yet print differently),
 * doubles are dyadic (sums are exact in any order) and never negative zero, text is plain ASCII.
 */
enum ColType {
    INT("integer", List.of("-7", "-1", "0", "1", "2", "3", "5", "8", "13", "20")),
    BIGINT("bigint", List.of("-5000000000", "-2", "0", "1", "4", "9", "4000000000")),
    NUMERIC("numeric(10,2)", List.of("-2.50", "-0.25", "0.00", "0.50", "1.00", "1.25", "3.75", "10.00")),
    DOUBLE("double precision", List.of("-2.5", "-0.75", "0", "0.5", "1", "1.25", "3", "100.125")),
    TEXT("text", List.of("''", "'a'", "'A'", "'ab'", "'b'", "'abc'", "'a_c'", "'x%y'", "'B b'")),
    BOOL("boolean", List.of("TRUE", "FALSE")),
    DATE("date", List.of("DATE '2024-01-01'", "DATE '2024-02-29'", "DATE '2023-12-31'", "DATE '2000-01-01'",
            "DATE '2024-03-01'"));

    /** The types a table column may have. */
    static final List<ColType> ALL = List.of(values());

    final String sqlName;
    private final List<String> pool;

    ColType(String sqlName, List<String> pool) {
        this.sqlName = sqlName;
        this.pool = pool;
    }

    boolean numericFamily() {
        return this == INT || this == BIGINT || this == NUMERIC || this == DOUBLE;
    }

    /** Whether PostgreSQL compares the two types without an explicit cast. */
    boolean comparableWith(ColType other) {
        return this == other || numericFamily() && other.numericFamily();
    }

    /** A value as an INSERT literal (the column's type coerces it). */
    String insertValue(Random random) {
        return pool.get(random.nextInt(pool.size()));
    }

    /** A non-null value as an expression literal of exactly this type. */
    String literal(Random random) {
        String value = insertValue(random);
        return switch (this) {
            case BIGINT -> value.length() > 9 ? value : "CAST(" + value + " AS bigint)";
            case DOUBLE -> "CAST(" + value + " AS double precision)";
            case NUMERIC, INT, TEXT, BOOL, DATE -> value;
        };
    }

    String nullLiteral() {
        return "CAST(NULL AS " + sqlName + ")";
    }
}
