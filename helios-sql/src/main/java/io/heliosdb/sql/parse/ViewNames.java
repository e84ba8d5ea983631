package io.heliosdb.sql.parse;

import io.heliosdb.sql.parse.antlr.PostgreSqlBaseVisitor;
import io.heliosdb.sql.parse.antlr.PostgreSqlLexer;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Binds a view's relation names when the view is created, as PostgreSQL does (it stores the parsed
 * query, which names relations by OID): every unqualified table or view name in a FROM clause of the
 * stored text gets the schema it resolved to then, marked with {@link ViewDef#RESOLVED_MARK} so that
 * pg_get_viewdef can still show the query as written. A later search_path then changes nothing.
 */
public final class ViewNames {

    private ViewNames() {
    }

    /**
     * {@code query} (a SELECT's text) with each unqualified relation name qualified by {@code schemaOf}
     * (null: leave it, e.g. a system catalog name). Names of the query's own WITH items are left alone.
     */
    public static String qualify(String query, Function<String, String> schemaOf) {
        TableRefs found = TableRefs.of(query);
        if (found == null) {
            return query;
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (PostgreSqlParser.TableRefContext tableRef : found.refs()) {
            if (tableRef.qualifiedName().identifier().size() != 1) {
                continue;
            }
            PostgreSqlParser.QualifiedNameContext ref = tableRef.qualifiedName();
            String name = AstBuilder.identifier(ref.identifier(0));
            String schema = found.commonTables().contains(name) ? null : schemaOf.apply(name);
            if (schema == null) {
                continue;
            }
            int start = ref.getStart().getStartIndex();
            out.append(query, copied, start).append(ViewDef.RESOLVED_MARK).append(quote(schema)).append('.');
            copied = start;
        }
        return out.append(query.substring(copied)).toString();
    }

    /**
     * {@code query} with each FROM reference to the relation stored as {@code from} (bare in public, else
     * {@code schema.name}) naming {@code toLocal} instead (ALTER TABLE ... RENAME TO under a view). A reference
     * without an alias keeps the old name as its alias, so column references qualified by it still resolve.
     */
    public static String renameRelation(String query, String from, String toLocal) {
        return editReferences(query, from, ref -> {
            PostgreSqlParser.IdentifierContext name = lastPart(ref);
            String text = ColumnRenames.quote(toLocal)
                    + (ref.identifier().isEmpty() ? " " + ColumnRenames.quote(AstBuilder.identifier(name)) : "");
            return new Edit(name.getStart().getStartIndex(), name.getStop().getStopIndex() + 1, text);
        });
    }

    /**
     * {@code query} with each FROM reference to the relation stored as {@code from} given column aliases
     * {@code names} (its first columns' names as the query knows them), or its alias list extended to them, so
     * the query reads a renamed column under its old name (a column named in JOIN ... USING).
     */
    public static String aliasColumns(String query, String from, List<String> names) {
        return editReferences(query, from, ref -> {
            int given = Math.max(0, ref.identifier().size() - 1);
            if (given >= names.size()) {
                return null;
            }
            String added = String.join(", ", names.subList(given, names.size()).stream().map(ColumnRenames::quote).toList());
            if (ref.identifier().isEmpty()) {
                int at = ref.qualifiedName().getStop().getStopIndex() + 1;
                return new Edit(at, at, " AS " + ColumnRenames.quote(AstBuilder.identifier(lastPart(ref))) + "(" + added + ")");
            }
            int at = ref.identifier(given).getStop().getStopIndex() + 1;
            return new Edit(at, at, given == 0 ? "(" + added + ")" : ", " + added);
        });
    }

    /** Replaces {@code query}'s text from {@code start} to {@code end} (exclusive) with {@code text}. */
    private record Edit(int start, int end, String text) {
    }

    /** {@code query} with the edit {@code edit} gives each FROM reference to {@code from} (none where it gives null). */
    private static String editReferences(String query, String from,
                                         Function<PostgreSqlParser.TableRefContext, Edit> edit) {
        TableRefs found = TableRefs.of(query);
        if (found == null) {
            return query;
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (PostgreSqlParser.TableRefContext ref : found.refs()) {
            Edit e = refersTo(found, ref, from) ? edit.apply(ref) : null;
            if (e != null) {
                out.append(query, copied, e.start()).append(e.text());
                copied = e.end();
            }
        }
        return out.append(query.substring(copied)).toString();
    }

    private static PostgreSqlParser.IdentifierContext lastPart(PostgreSqlParser.TableRefContext ref) {
        List<PostgreSqlParser.IdentifierContext> parts = ref.qualifiedName().identifier();
        return parts.get(parts.size() - 1);
    }

    /** Whether FROM reference {@code ref} names the relation stored as {@code from} (not a WITH name). */
    private static boolean refersTo(TableRefs found, PostgreSqlParser.TableRefContext ref, String from) {
        List<PostgreSqlParser.IdentifierContext> parts = ref.qualifiedName().identifier();
        String local = AstBuilder.identifier(parts.get(parts.size() - 1));
        String schema = parts.size() == 2 ? AstBuilder.identifier(parts.get(0)) : null;
        boolean inPublic = schema == null || schema.equals(io.heliosdb.sql.schema.QualifiedNames.PUBLIC);
        return (inPublic ? local : schema + "." + local).equals(from)
                && !(schema == null && found.commonTables().contains(local));
    }

    /** A query's FROM references in text order and the names of its WITH items; null when it does not parse. */
    private record TableRefs(Set<String> commonTables, List<PostgreSqlParser.TableRefContext> refs) {
        static TableRefs of(String query) {
            PostgreSqlLexer lexer = new PostgreSqlLexer(CharStreams.fromString(query));
            lexer.removeErrorListeners();
            PostgreSqlParser parser = new PostgreSqlParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            PostgreSqlParser.ScriptContext script = parser.script();
            if (parser.getNumberOfSyntaxErrors() > 0) {
                return null;
            }
            TableRefs found = new TableRefs(new HashSet<>(), new ArrayList<>());
            new PostgreSqlBaseVisitor<Void>() {
                @Override
                public Void visitCommonTable(PostgreSqlParser.CommonTableContext ctx) {
                    found.commonTables.add(AstBuilder.identifier(ctx.name));
                    return visitChildren(ctx);
                }

                @Override
                public Void visitTableRef(PostgreSqlParser.TableRefContext ctx) {
                    found.refs.add(ctx);
                    return visitChildren(ctx);
                }
            }.visit(script);
            return found;
        }
    }

    private static String quote(String name) {
        boolean plain = !name.isEmpty() && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_')
                && name.chars().allMatch(ch -> ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_');
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
