package io.heliosdb.api;

/**
 * A result or table column: name, type and PostgreSQL type modifier ({@code atttypmod}: -1 when
 * none, {@code n + 4} for varchar(n), {@code ((p << 16) | s) + 4} for numeric(p,s), {@code p} for time(p) and timestamp(p),
 * {@link IntervalTypmod} for interval) and {@code shownAs}: the
 * PostgreSQL type OID a result column is described with when it differs from {@code type}'s own (an
 * object identifier such as regclass travels as text holding an {@link ObjectName}), otherwise 0.
 */
public record Column(String name, SqlType type, int typmod, int shownAs) {

    /** int2vector and oidvector: int2[] / int4[] columns with this typmod (they subscript from 0). */
    public static final int VECTOR_TYPMOD = 0;

    public Column(String name, SqlType type, int typmod) {
        this(name, type, typmod, 0);
    }

    public Column(String name, SqlType type) {
        this(name, type, -1);
    }

    /** The PostgreSQL type OID clients are told (RowDescription): 2205 for a regclass, 22 for an int2vector, … */
    public int pgTypeOid() {
        if (shownAs != 0) {
            return shownAs;
        }
        if (isComposite()) {
            return typmod;
        }
        return isVector() ? (type == SqlType.INT2_ARRAY ? 22 : 30) : type.oid();
    }

    /** pg_type.typlen of {@link #pgTypeOid()}: object identifiers are 4-byte OIDs. */
    public int pgTypeLength() {
        return shownAs != 0 ? 4 : type.length();
    }

    /**
     * Whether this is a value of a composite type (CREATE TYPE ... AS): record text whose typmod is the type's
     * OID (PostgreSQL's first user OID is 16384, and no other record typmod comes near it).
     */
    public boolean isComposite() {
        return type == SqlType.RECORD && typmod >= 16_384;
    }

    /** Whether this is an int2vector or oidvector, printed space-separated ({@code 1 2}) rather than as an array. */
    public boolean isVector() {
        return typmod == VECTOR_TYPMOD && (type == SqlType.INT2_ARRAY || type == SqlType.INT4_ARRAY);
    }

    public static int varcharTypmod(int length) {
        return length + 4;
    }

    public static int numericTypmod(int precision, int scale) {
        return ((precision << 16) | scale) + 4;
    }

    /** The type as PostgreSQL's {@code format_type} shows it, e.g. {@code character varying(20)}. */
    public String typeDisplay() {
        String temporal = temporalDisplay();
        if (temporal != null) {
            return temporal;
        }
        if (typmod < 4) {
            return type.sqlName();
        }
        return switch (type) {
            case VARCHAR, CHAR -> type.sqlName() + "(" + (typmod - 4) + ")";
            case NUMERIC -> type.sqlName() + "(" + ((typmod - 4) >> 16) + "," + ((typmod - 4) & 0xffff) + ")";
            default -> type.sqlName();
        };
    }

    /** time(p)/timestamp(p) with or without time zone and interval(p): the typmod is p (interval: 0x7FFF0000 | p). */
    private String temporalDisplay() {
        if (type.isArray() && typmod >= 0 && type.elementType() != null) {
            String element = new Column(name, type.elementType(), typmod).temporalDisplay();
            return element == null ? null : element + "[]";
        }
        if (type == SqlType.INTERVAL) {
            return typmod < 0 ? null : IntervalTypmod.display(typmod);
        }
        int p = typmod;
        if (typmod < 0 || p > 6) {
            return null;
        }
        return switch (type) {
            case TIMESTAMP -> "timestamp(" + p + ") without time zone";
            case TIMESTAMPTZ -> "timestamp(" + p + ") with time zone";
            case TIME -> "time(" + p + ") without time zone";
            case TIMETZ -> "time(" + p + ") with time zone";
            default -> null;
        };
    }
}
