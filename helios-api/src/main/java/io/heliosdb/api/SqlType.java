package io.heliosdb.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;

/**
 * The SQL types of HeliosDB with their PostgreSQL type OIDs, wire lengths and the Java class of
 * their values. Column modifiers (varchar length, numeric precision and scale) live in {@link Column}.
 */
public enum SqlType {
    BOOLEAN(16, "bool", "boolean", 1, Boolean.class),
    SMALLINT(21, "int2", "smallint", 2, Short.class),
    INTEGER(23, "int4", "integer", 4, Integer.class),
    BIGINT(20, "int8", "bigint", 8, Long.class),
    REAL(700, "float4", "real", 4, Float.class),
    DOUBLE(701, "float8", "double precision", 8, Double.class),
    NUMERIC(1700, "numeric", "numeric", -1, BigDecimal.class),
    TEXT(25, "text", "text", -1, String.class),
    VARCHAR(1043, "varchar", "character varying", -1, String.class),
    DATE(1082, "date", "date", 4, LocalDate.class),
    TIMESTAMP(1114, "timestamp", "timestamp without time zone", 8, LocalDateTime.class),
    /** An instant, held in UTC by the engine and shown in the session's TimeZone. */
    TIMESTAMPTZ(1184, "timestamptz", "timestamp with time zone", 8, OffsetDateTime.class),
    TIME(1083, "time", "time without time zone", 8, LocalTime.class),
    /** A time of day with its UTC offset; ordered by the UTC time, then the offset (east first), as PostgreSQL does. */
    TIMETZ(1266, "timetz", "time with time zone", 12, OffsetTime.class),
    INTERVAL(1186, "interval", "interval", 16, Interval.class),
    /** char(n): blank-padded to n; trailing blanks do not count in comparisons. */
    CHAR(1042, "bpchar", "character", -1, String.class),
    BYTEA(17, "bytea", "bytea", -1, byte[].class),
    UUID(2950, "uuid", "uuid", 16, java.util.UUID.class),
    /** json: the text as written, checked to be valid JSON. */
    JSON(114, "json", "json", -1, String.class),
    /** jsonb: held as PostgreSQL's normalised text (keys sorted, duplicates removed), which the engine produces. */
    JSONB(3802, "jsonb", "jsonb", -1, String.class),
    // One-dimensional arrays: the value is a java.util.List of the element type's values (nulls allowed).
    BOOL_ARRAY(1000, "_bool", "boolean[]", -1, java.util.List.class),
    INT2_ARRAY(1005, "_int2", "smallint[]", -1, java.util.List.class),
    INT4_ARRAY(1007, "_int4", "integer[]", -1, java.util.List.class),
    INT8_ARRAY(1016, "_int8", "bigint[]", -1, java.util.List.class),
    FLOAT4_ARRAY(1021, "_float4", "real[]", -1, java.util.List.class),
    FLOAT8_ARRAY(1022, "_float8", "double precision[]", -1, java.util.List.class),
    NUMERIC_ARRAY(1231, "_numeric", "numeric[]", -1, java.util.List.class),
    TEXT_ARRAY(1009, "_text", "text[]", -1, java.util.List.class),
    VARCHAR_ARRAY(1015, "_varchar", "character varying[]", -1, java.util.List.class),
    BPCHAR_ARRAY(1014, "_bpchar", "character[]", -1, java.util.List.class),
    DATE_ARRAY(1182, "_date", "date[]", -1, java.util.List.class),
    TIMESTAMP_ARRAY(1115, "_timestamp", "timestamp without time zone[]", -1, java.util.List.class),
    TIMESTAMPTZ_ARRAY(1185, "_timestamptz", "timestamp with time zone[]", -1, java.util.List.class),
    TIME_ARRAY(1183, "_time", "time without time zone[]", -1, java.util.List.class),
    TIMETZ_ARRAY(1270, "_timetz", "time with time zone[]", -1, java.util.List.class),
    INTERVAL_ARRAY(1187, "_interval", "interval[]", -1, java.util.List.class),
    BYTEA_ARRAY(1001, "_bytea", "bytea[]", -1, java.util.List.class),
    UUID_ARRAY(2951, "_uuid", "uuid[]", -1, java.util.List.class),
    JSON_ARRAY(199, "_json", "json[]", -1, java.util.List.class),
    JSONB_ARRAY(3807, "_jsonb", "jsonb[]", -1, java.util.List.class),
    /**
     * An anonymous record: the value of a row constructor {@code ROW(1, 'a')} or of a function's row in a select
     * list, held as PostgreSQL's text form {@code (1,a)}. Arrays of records are text arrays of that form.
     */
    RECORD(2249, "record", "record", -1, String.class),
    /** The type of an untyped literal or parameter whose type could not be inferred. */
    UNKNOWN(705, "unknown", "unknown", -2, String.class);

    /** Every type, for the look-ups by OID ({@code values()} copies the array on each call). */
    private static final SqlType[] ALL = values();

    private final int oid;
    private final String pgName;
    private final String sqlName;
    private final int length;
    private final Class<?> javaClass;

    SqlType(int oid, String pgName, String sqlName, int length, Class<?> javaClass) {
        this.oid = oid;
        this.pgName = pgName;
        this.sqlName = sqlName;
        this.length = length;
        this.javaClass = javaClass;
    }

    /** PostgreSQL type OID (pg_type.oid). */
    public int oid() {
        return oid;
    }

    /** PostgreSQL internal type name (pg_type.typname), e.g. {@code int4}. */
    public String pgName() {
        return pgName;
    }

    /** The SQL-standard name, e.g. {@code integer}, as {@code format_type} shows it. */
    public String sqlName() {
        return sqlName;
    }

    /** pg_type.typlen: the fixed byte length, or -1 for variable-length types. */
    public int length() {
        return length;
    }

    /** The Java class of values of this type. */
    public Class<?> javaClass() {
        return javaClass;
    }

    public boolean isNumeric() {
        return this == SMALLINT || this == INTEGER || this == BIGINT || this == REAL || this == DOUBLE || this == NUMERIC;
    }

    public boolean isInteger() {
        return this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    public boolean isText() {
        return this == TEXT || this == VARCHAR || this == UNKNOWN;
    }

    /** Whether this is a one-dimensional array type. */
    public boolean isArray() {
        return javaClass == java.util.List.class;
    }

    /** The element type of an array type, or {@code null} for a scalar type. */
    public SqlType elementType() {
        return switch (this) {
            case BOOL_ARRAY -> BOOLEAN;
            case INT2_ARRAY -> SMALLINT;
            case INT4_ARRAY -> INTEGER;
            case INT8_ARRAY -> BIGINT;
            case FLOAT4_ARRAY -> REAL;
            case FLOAT8_ARRAY -> DOUBLE;
            case NUMERIC_ARRAY -> NUMERIC;
            case TEXT_ARRAY -> TEXT;
            case VARCHAR_ARRAY -> VARCHAR;
            case BPCHAR_ARRAY -> CHAR;
            case DATE_ARRAY -> DATE;
            case TIMESTAMP_ARRAY -> TIMESTAMP;
            case TIMESTAMPTZ_ARRAY -> TIMESTAMPTZ;
            case TIME_ARRAY -> TIME;
            case TIMETZ_ARRAY -> TIMETZ;
            case INTERVAL_ARRAY -> INTERVAL;
            case BYTEA_ARRAY -> BYTEA;
            case UUID_ARRAY -> UUID;
            case JSON_ARRAY -> JSON;
            case JSONB_ARRAY -> JSONB;
            default -> null;
        };
    }

    /** The array type whose elements are of this type ({@code text[]} for unknown and record), or {@code null}. */
    public SqlType arrayType() {
        SqlType element = this == UNKNOWN || this == RECORD ? TEXT : this;
        for (SqlType t : ALL) {
            if (t.elementType() == element) {
                return t;
            }
        }
        return null;
    }

    /** The type with this OID, or {@code null}. */
    public static SqlType ofOid(int oid) {
        for (SqlType t : ALL) {
            if (t.oid == oid) {
                return t;
            }
        }
        return null;
    }

    /** PostgreSQL's text output form of a value of this type ({@code null} stays {@code null}). */
    public String format(Object value) {
        return TextCodec.format(this, value);
    }

    /**
     * Parses PostgreSQL's text input form of a value of this type.
     *
     * @throws HeliosException {@code 22P02} or {@code 22007} on malformed input, {@code 22003} when out of range
     */
    public Object parse(String text) {
        return TextCodec.parse(this, text);
    }
}
