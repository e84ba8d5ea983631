package io.heliosdb.sql.parse;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.IntervalTypmod;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ast.TypeName;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.DoubleTypeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.IntervalFieldsContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.IntervalSecondContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.IntervalTypeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.NamedTypeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.TimeTypeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.TimestampTypeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.TypeModifiersContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.TypeNameContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.VaryingTypeContext;
import io.heliosdb.sql.types.TemporalPrecision;
import java.util.List;
import java.util.Locale;

/** Resolves the type names PostgreSQL accepts (and their aliases) to {@link SqlType} plus typmod. */
final class TypeNames {

    private TypeNames() {
    }

    static TypeName resolve(TypeNameContext ctx, AstBuilder builder) {
        int position = ctx.getStart().getStartIndex() + 1;
        if (ctx instanceof DoubleTypeContext) {
            return new TypeName(SqlType.DOUBLE, -1);
        } else if (ctx instanceof VaryingTypeContext v) {
            return varchar(v.typeModifiers(), position);
        } else if (ctx instanceof TimestampTypeContext t) {
            return temporal(t.WITH() != null ? SqlType.TIMESTAMPTZ : SqlType.TIMESTAMP, t.typeModifiers(), position);
        } else if (ctx instanceof TimeTypeContext t) {
            return temporal(t.WITH() != null ? SqlType.TIMETZ : SqlType.TIME, t.typeModifiers(), position);
        } else if (ctx instanceof IntervalTypeContext t) {
            return interval(t.typeModifiers(), t.intervalFields(), position);
        }
        if (ctx instanceof PostgreSqlParser.ArrayTypeContext a) {
            TypeName element = resolve(a.typeName(), builder);
            if (element.unresolved()) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "arrays of type " + element.composite()
                        + " are not supported", null, null, position, null);
            }
            SqlType array = element.type().arrayType();
            if (array == null || element.type().isArray()) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "arrays of type " + element.type().sqlName()
                        + " are not supported", null, null, position, null);
            }
            // timestamp(1)[]: the elements keep their precision (other element typmods are not kept)
            return new TypeName(array, TemporalPrecision.applies(element.type()) ? element.typmod() : -1);
        }
        NamedTypeContext n = (NamedTypeContext) ctx;
        String schema = n.schemaPrefix() == null ? null : AstBuilder.identifier(n.schemaPrefix().identifier());
        String name = AstBuilder.identifier(n.identifier());
        if (schema != null && !schema.equals("pg_catalog") && !schema.equals("information_schema")) {
            // a user schema's name can only be a composite type
            return userType(schema + "." + name, n.typeModifiers(), position);
        }
        TypeModifiersContext mods = n.typeModifiers();
        SqlType plain = switch (name) {
            case "smallint", "int2" -> SqlType.SMALLINT;
            case "integer", "int", "int4" -> SqlType.INTEGER;
            case "bigint", "int8" -> SqlType.BIGINT;
            case "text" -> SqlType.TEXT;
            case "boolean", "bool" -> SqlType.BOOLEAN;
            case "float8" -> SqlType.DOUBLE;
            case "real", "float4" -> SqlType.REAL;
            case "date" -> SqlType.DATE;
            case "timestamp" -> SqlType.TIMESTAMP;
            // Catalog types clients cast to: an OID is an integer here, name and "char" are text.
            case "oid" -> SqlType.INTEGER;
            case "name" -> SqlType.TEXT;
            case "char" -> n.identifier().QUOTED_IDENTIFIER() != null ? SqlType.TEXT : null;
            case "timestamptz" -> SqlType.TIMESTAMPTZ;
            case "time" -> SqlType.TIME;
            case "timetz" -> SqlType.TIMETZ;
            case "interval" -> SqlType.INTERVAL;
            case "bytea" -> SqlType.BYTEA;
            case "uuid" -> SqlType.UUID;
            case "bpchar" -> SqlType.CHAR;
            case "json" -> SqlType.JSON;
            case "jsonb" -> SqlType.JSONB;
            case "record" -> SqlType.RECORD;
            default -> name.startsWith("_") ? arrayByPgName(name) : null;
        };
        if (plain != null && TemporalPrecision.applies(plain)) {
            return temporal(plain, mods, position);
        }
        if (plain != null) {
            if (mods != null) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"(\"", null, null,
                        mods.getStart().getStartIndex() + 1, null);
            }
            return new TypeName(plain, -1);
        }
        return switch (name) {
            case "varchar" -> varchar(mods, position);
            case "char", "character" -> character(mods, position);
            case "numeric", "decimal" -> numeric(mods, position);
            case "float" -> {
                int bits = mods == null ? 53 : modifier(mods, 0);
                if (bits < 1 || bits > 53) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                            "precision for type float must be " + (bits < 1 ? "at least 1 bit" : "less than 54 bits"),
                            null, null, position, null);
                }
                yield new TypeName(bits <= 24 ? SqlType.REAL : SqlType.DOUBLE, -1);
            }
            default -> {
                if (schema != null) {
                    throw new HeliosException(SqlState.UNDEFINED_OBJECT, "type \"" + schema + "." + name
                            + "\" does not exist", null, null, position, null);
                }
                yield userType(name, mods, position);
            }
        };
    }

    /** A name that is no built-in type: a composite type, for the analyzer to find in the catalog. */
    private static TypeName userType(String name, TypeModifiersContext mods, int position) {
        if (mods != null) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"(\"", null, null,
                    mods.getStart().getStartIndex() + 1, null);
        }
        return TypeName.named(name, position);
    }

    /** A type that must be built in (a sequence's AS type): a name the parser does not know is 42704. */
    static TypeName builtin(TypeNameContext ctx, AstBuilder builder) {
        TypeName type = resolve(ctx, builder);
        if (type.unresolved()) {
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "type \"" + type.composite() + "\" does not exist",
                    null, null, type.position(), null);
        }
        return type;
    }

    /** The type of a table column: a pseudo-type such as record is refused (42P16), as PostgreSQL does. */
    static TypeName columnType(TypeNameContext ctx, AstBuilder builder, String column) {
        TypeName type = resolve(ctx, builder);
        if (type.type() == SqlType.RECORD && !type.unresolved()) {
            throw io.heliosdb.sql.types.Errors.pseudoType(column);
        }
        return type;
    }

    /** {@code _int4} and the like: PostgreSQL's internal names of the array types. */
    private static SqlType arrayByPgName(String name) {
        for (SqlType t : SqlType.values()) {
            if (t.isArray() && t.pgName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** time(p), timetz(p), timestamp(p), timestamptz(p), interval(p): p from 0 to 6 (larger is lowered to 6). */
    private static TypeName temporal(SqlType type, TypeModifiersContext mods, int position) {
        if (mods == null) {
            return new TypeName(type, -1);
        }
        if (mods.INTEGER_LITERAL().size() > 1) {
            // PostgreSQL's grammar takes one precision here
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \",\"", null, null,
                    mods.COMMA().getSymbol().getStartIndex() + 1, null);
        }
        return new TypeName(type, TemporalPrecision.typmod(type, modifier(mods, 0)));
    }

    /**
     * {@code interval}, {@code interval(p)} or {@code interval <fields>} such as {@code day to second(3)}: the
     * typmod holds the fields from the first to the last named and the seconds' precision.
     */
    static TypeName interval(TypeModifiersContext mods, IntervalFieldsContext fields, int position) {
        if (fields == null) {
            return temporal(SqlType.INTERVAL, mods, position);
        }
        if (mods != null) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + fields.getStart().getText()
                    + "\"", null, null, fields.getStart().getStartIndex() + 1, null);
        }
        int[] order = {IntervalTypmod.YEAR, IntervalTypmod.MONTH, IntervalTypmod.DAY, IntervalTypmod.HOUR,
                IntervalTypmod.MINUTE, IntervalTypmod.SECOND};
        int first = -1;
        int last = -1;
        for (int i = 0; i < fields.getChildCount(); i++) {
            org.antlr.v4.runtime.tree.ParseTree child = fields.getChild(i);
            String word = (child instanceof IntervalSecondContext ? "second" : child.getText()).toLowerCase(Locale.ROOT);
            int index = List.of("year", "month", "day", "hour", "minute", "second").indexOf(word);
            if (index >= 0) {
                first = first < 0 ? index : first;
                last = index;
            }
        }
        int range = 0;
        for (int i = first; i <= last; i++) {
            range |= order[i];
        }
        IntervalSecondContext second = fields.intervalSecond();
        TypeModifiersContext precision = second == null ? null : second.typeModifiers();
        if (precision != null && precision.INTEGER_LITERAL().size() > 1) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \",\"", null, null,
                    precision.COMMA().getSymbol().getStartIndex() + 1, null);
        }
        return new TypeName(SqlType.INTERVAL, IntervalTypmod.of(range, precision == null ? -1 : modifier(precision, 0)));
    }

    private static TypeName varchar(TypeModifiersContext mods, int position) {
        if (mods == null) {
            return new TypeName(SqlType.VARCHAR, -1);
        }
        int length = modifier(mods, 0);
        if (mods.INTEGER_LITERAL().size() > 1) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "invalid type modifier", null, null, position, null);
        }
        if (length < 1 || length > 10_485_760) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    "length for type varchar must be " + (length < 1 ? "at least 1" : "less than 10485760"), null, null,
                    position, null);
        }
        return new TypeName(SqlType.VARCHAR, Column.varcharTypmod(length));
    }

    /** char(n); a bare {@code char} is char(1), as in PostgreSQL. */
    private static TypeName character(TypeModifiersContext mods, int position) {
        if (mods == null) {
            return new TypeName(SqlType.CHAR, Column.varcharTypmod(1));
        }
        int length = modifier(mods, 0);
        if (length < 1 || length > 10_485_760) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    "length for type char must be " + (length < 1 ? "at least 1" : "less than 10485760"), null, null,
                    position, null);
        }
        return new TypeName(SqlType.CHAR, Column.varcharTypmod(length));
    }

    private static TypeName numeric(TypeModifiersContext mods, int position) {
        if (mods == null) {
            return new TypeName(SqlType.NUMERIC, -1);
        }
        int precision = modifier(mods, 0);
        int scale = mods.INTEGER_LITERAL().size() > 1 ? modifier(mods, 1) : 0;
        if (precision < 1 || precision > 1000) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    "NUMERIC precision " + precision + " must be between 1 and 1000", null, null, position, null);
        }
        if (scale > precision) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    "NUMERIC scale " + scale + " must be between 0 and precision " + precision, null, null, position, null);
        }
        return new TypeName(SqlType.NUMERIC, Column.numericTypmod(precision, scale));
    }

    private static int modifier(TypeModifiersContext mods, int index) {
        try {
            return Integer.parseInt(mods.INTEGER_LITERAL(index).getText());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
