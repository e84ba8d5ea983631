package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CommonTableContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.WithClauseContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which WITH queries of one WITH clause run once for all their references, as PostgreSQL decides: a
 * non-recursive query read more than once, or written AS MATERIALIZED, is materialised (so random() gives
 * each reference the same rows); AS NOT MATERIALIZED and a single reference are inlined. References are
 * counted while the statement is built, so a clause with a shared query is built a second time, knowing.
 */
final class SharedCommonTables {
    private final boolean recursive;
    /** Positions (in the clause) of the queries to share in the current build. */
    private final Set<Integer> shared = new HashSet<>();
    private boolean rebuilt;

    SharedCommonTables(WithClauseContext with) {
        this.recursive = with.RECURSIVE() != null;
    }

    /** How one WITH query is read in one build: counts its references and hands out its shared token. */
    static final class Use {
        private final Object token;
        private final boolean forced;
        private final boolean inlined;
        private int references;

        private Use(Object token, boolean forced, boolean inlined) {
            this.token = token;
            this.forced = forced;
            this.inlined = inlined;
        }

        /** The token of a shared query, or null. */
        Object token() {
            return token;
        }

        /** One more reference: the token the FROM item carries, or null to inline the query there. */
        Object reference() {
            references++;
            return token;
        }
    }

    /** The query at {@code position} of the clause for this build. */
    Use use(CommonTableContext c, int position) {
        if (c.selectStmt() == null) {
            // A data-modifying query runs once per execution, before the statement: every reference shares its rows.
            return new Use(new Object(), true, false);
        }
        if (c.materialized != null && !AstBuilder.identifier(c.materialized).equals("materialized")) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + c.materialized.getText()
                    + "\"", null, null, c.materialized.getStart().getStartIndex() + 1, null);
        }
        boolean forced = c.materialized != null && c.NOT() == null;
        // PostgreSQL never inlines a query calling a volatile function, NOT MATERIALIZED or not.
        boolean inlined = c.NOT() != null && !callsVolatile(c.selectStmt());
        boolean share = !recursive && !inlined && (forced || shared.contains(position));
        return new Use(share ? new Object() : null, forced, inlined);
    }

    /** Functions whose every call may give another result (or change something): random(), nextval(), ... */
    private static final Set<String> VOLATILE = Set.of("random", "nextval", "setval", "currval", "lastval",
            "gen_random_uuid", "clock_timestamp", "timeofday", "set_config", "pg_sleep");

    private static boolean callsVolatile(org.antlr.v4.runtime.tree.ParseTree tree) {
        if (tree instanceof io.heliosdb.sql.parse.antlr.PostgreSqlParser.FunctionCallContext f) {
            var name = f.functionName();
            String word = (name.identifier() != null ? AstBuilder.identifier(name.identifier()) : name.getStop().getText())
                    .toLowerCase(java.util.Locale.ROOT);
            if (VOLATILE.contains(word)) {
                return true;
            }
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (callsVolatile(tree.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    /** After a build: whether to build again because a query turned out to be read more than once. */
    boolean again(List<Use> uses) {
        if (recursive || rebuilt) {
            return false;
        }
        for (int i = 0; i < uses.size(); i++) {
            Use u = uses.get(i);
            if (!u.inlined && !u.forced && u.references > 1) {
                shared.add(i);
            }
        }
        rebuilt = !shared.isEmpty();
        return rebuilt;
    }
}
