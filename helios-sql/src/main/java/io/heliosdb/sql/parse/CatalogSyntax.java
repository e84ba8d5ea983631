package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CollationNameContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.NamedTypeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.SchemaPrefixContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.TypeNameContext;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * The syntax clients use when they read the system catalog: schema-qualified built-in names
 * ({@code pg_catalog.pg_class}, {@code pg_catalog.format_type()}), {@code OPERATOR(pg_catalog.~)},
 * {@code COLLATE pg_catalog.default} and the object-identifier casts {@code 't'::regclass}.
 */
final class CatalogSyntax {
    /** Prefix of the names under which the kernel offers the information_schema views. */
    static final String INFORMATION_SCHEMA = "information_schema.";

    private static final Set<String> OBJECT_TYPES = Set.of("regclass", "regtype", "regnamespace", "regproc",
            "regprocedure", "regrole", "regoper");
    private static final Set<String> COLLATIONS = Set.of("default", "c", "posix", "ucs_basic");

    private CatalogSyntax() {
    }

    /** The name a schema-qualified table is found under, or null when the schema does not exist. */
    static String systemTableName(String schema, String name) {
        return switch (schema) {
            case "public", "pg_catalog" -> name;
            case "information_schema" -> INFORMATION_SCHEMA + name;
            default -> null;
        };
    }

    /** The name an unaliased table is referred to by: information_schema.tables is "tables". */
    static String exposedName(String tableName) {
        return tableName.startsWith(INFORMATION_SCHEMA) ? tableName.substring(INFORMATION_SCHEMA.length()) : null;
    }

    static void checkFunctionSchema(SchemaPrefixContext prefix) {
        if (prefix == null) {
            return;
        }
        String schema = AstBuilder.identifier(prefix.identifier());
        if (!schema.equals("pg_catalog") && !schema.equals("public") && !schema.equals("information_schema")) {
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "schema \"" + schema + "\" does not exist", null,
                    null, prefix.getStart().getStartIndex() + 1, null);
        }
    }

    static void checkCollation(CollationNameContext ctx) {
        checkFunctionSchema(ctx.schemaPrefix());
        String name = ctx.identifier() != null ? AstBuilder.identifier(ctx.identifier()).toLowerCase(java.util.Locale.ROOT)
                : "default";
        if (!COLLATIONS.contains(name)) {
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "collation \"" + name + "\" for encoding \"UTF8\" does not exist",
                    null, null, ctx.getStart().getStartIndex() + 1, null);
        }
    }

    /** {@code a OPERATOR(pg_catalog.op) b}: the same as {@code a op b}. */
    static Expr operator(Expr left, Expr right, Token op, SchemaPrefixContext schema) {
        checkFunctionSchema(schema);
        int t = op.getType();
        return switch (t) {
            case PostgreSqlParser.TILDE, PostgreSqlParser.NOT_TILDE, PostgreSqlParser.TILDE_STAR,
                 PostgreSqlParser.NOT_TILDE_STAR -> new Expr.RegexMatch(left, right,
                    t == PostgreSqlParser.NOT_TILDE || t == PostgreSqlParser.NOT_TILDE_STAR,
                    t == PostgreSqlParser.TILDE_STAR || t == PostgreSqlParser.NOT_TILDE_STAR);
            default -> new Expr.Binary(switch (t) {
                case PostgreSqlParser.EQ -> Expr.BinaryOp.EQ;
                case PostgreSqlParser.NEQ -> Expr.BinaryOp.NE;
                case PostgreSqlParser.LT -> Expr.BinaryOp.LT;
                case PostgreSqlParser.LTE -> Expr.BinaryOp.LE;
                case PostgreSqlParser.GT -> Expr.BinaryOp.GT;
                default -> Expr.BinaryOp.GE;
            }, left, right, op.getStartIndex());
        };
    }

    /**
     * {@code x::regclass} and its kin, or null for any other type. The object-identifier types are not
     * HeliosDB types: the cast becomes a call of the function of that name, which looks a name up
     * (yielding its OID) and passes an OID through.
     */
    static Expr objectLookup(TypeNameContext type, Expr operand) {
        if (!(type instanceof NamedTypeContext named) || named.typeModifiers() != null) {
            return null;
        }
        String name = AstBuilder.identifier(named.identifier());
        if (!OBJECT_TYPES.contains(name)) {
            return null;
        }
        checkFunctionSchema(named.schemaPrefix());
        return new Expr.FunctionCall(name, List.of(operand), false, false, type.getStart().getStartIndex());
    }
}
