package io.heliosdb.api;

/**
 * A result or table column: name, type and PostgreSQL type modifier ({@code atttypmod}: -1 when
 * none, {@code n + 4} for varchar(n), {@code ((p << 16) | s) + 4} for numeric(p,s)).
 */
public record Column(String name, SqlType type, int typmod) {

    public Column(String name, SqlType type) {
        this(name, type, -1);
    }

    public static int varcharTypmod(int length) {
        return length + 4;
    }

    public static int numericTypmod(int precision, int scale) {
        return ((precision << 16) | scale) + 4;
    }

    /** The type as PostgreSQL's {@code format_type} shows it, e.g. {@code character varying(20)}. */
    public String typeDisplay() {
        if (typmod < 4) {
            return type.sqlName();
        }
        return switch (type) {
            case VARCHAR, CHAR -> type.sqlName() + "(" + (typmod - 4) + ")";
            case NUMERIC -> type.sqlName() + "(" + ((typmod - 4) >> 16) + "," + ((typmod - 4) & 0xffff) + ")";
            default -> type.sqlName();
        };
    }
}
