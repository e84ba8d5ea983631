package io.heliosdb.randomized;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Shrinks a failing case (rows of the schema, select items, filters, predicate subtrees) while it keeps
 * failing the same way, so a report shows a few rows and a short query instead of the generated ones.
 */
final class TlpReducer {
    private static final int MAX_CHECKS = 400;

    /** Reduced schema and case. */
    record Reduced(RandomSchema schema, TlpCase tlp) {
    }

    private final BiFunction<RandomSchema, TlpCase, String> failure;
    private final String wanted;
    private int checks;

    /** {@code failure} runs a case on a fresh database and returns its failure kind, or null if it passes. */
    TlpReducer(BiFunction<RandomSchema, TlpCase, String> failure, String wanted) {
        this.failure = failure;
        this.wanted = wanted;
    }

    Reduced reduce(RandomSchema schema, TlpCase tlp) {
        Reduced best = new Reduced(schema, tlp);
        boolean progress = true;
        while (progress && checks < MAX_CHECKS) {
            progress = false;
            for (Reduced candidate : candidates(best)) {
                if (checks >= MAX_CHECKS) {
                    break;
                }
                checks++;
                if (wanted.equals(failure.apply(candidate.schema(), candidate.tlp()))) {
                    best = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return best;
    }

    private static List<Reduced> candidates(Reduced r) {
        List<Reduced> out = new ArrayList<>();
        RandomSchema schema = r.schema();
        TlpCase tlp = r.tlp();
        for (int t = 0; t < schema.tables().size(); t++) {
            for (int row = 0; row < schema.tables().get(t).rows().size(); row++) {
                out.add(new Reduced(schema.withoutRow(t, row), tlp));
            }
        }
        if (tlp.where() != null) {
            out.add(new Reduced(schema, tlp.withWhere(null)));
            smaller(tlp.where()).forEach(w -> out.add(new Reduced(schema, tlp.withWhere(w))));
        }
        smaller(tlp.predicate()).forEach(p -> out.add(new Reduced(schema, tlp.withPredicate(p))));
        boolean itemsAreKeys = tlp.variant() == Variant.HAVING;
        for (int i = 0; i < tlp.items().size(); i++) {
            int index = i;
            boolean key = itemsAreKeys && i < tlp.groupBy().size();
            if (!key && tlp.items().size() > 1 && tlp.variant() != Variant.AGGREGATE) {
                out.add(new Reduced(schema, tlp.withItem(i, null)));
            }
            if (!key) {
                smaller(tlp.items().get(i)).forEach(e -> out.add(new Reduced(schema, tlp.withItem(index, e))));
            }
        }
        for (int j = 0; j < tlp.from().on().size(); j++) {
            Expr on = tlp.from().on().get(j);
            if (on != null) {
                int index = j;
                smaller(on).forEach(e -> out.add(new Reduced(schema, tlp.withFrom(tlp.from().withOn(index, e)))));
            }
        }
        return out;
    }

    /** Every expression made by replacing one inner node with a same-typed child or a literal. */
    static List<Expr> smaller(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (!e.args().isEmpty()) {
            for (Expr arg : e.args()) {
                if (arg.type() == e.type()) {
                    out.add(arg);
                }
            }
            out.add(Expr.leaf(e.type(), e.type().literal(new Random(0))));
            out.add(Expr.leaf(e.type(), e.type().nullLiteral()));
        }
        for (int i = 0; i < e.args().size(); i++) {
            for (Expr s : smaller(e.args().get(i))) {
                out.add(e.withArg(i, s));
            }
        }
        return out;
    }
}
