package io.heliosdb.sql.exec;

import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ConstraintDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The NO ACTION and RESTRICT checks of one UPDATE or DELETE on a referenced table, run when the statement
 * has changed all its rows, as PostgreSQL's foreign-key triggers do: a key removed by one row may stop
 * being referenced later in the same statement (a self-referencing table emptied at once), and under NO
 * ACTION a key that exists again at the end is no violation either (under RESTRICT it is).
 */
final class ReferenceChecks {

    private record Pending(TableDef parent, TableDef child, ConstraintDef.ForeignKey key, Object[] values,
                           boolean noAction) {
    }

    private final List<Pending> pending = new ArrayList<>();

    /** Records that the statement removed or changed the referenced key {@code values}. */
    void add(TableDef parent, TableDef child, ConstraintDef.ForeignKey key, Object[] values, ConstraintDef.Action action) {
        pending.add(new Pending(parent, child, key, values, action == ConstraintDef.Action.NO_ACTION));
    }

    /** 23503 for the first removed key that rows still reference now. */
    void run(Runtime rt) {
        List<Pending> all = List.copyOf(pending);
        pending.clear();
        for (Pending p : all) {
            if (p.noAction() && rt.context().lockReferenced(p.parent(), p.key().refColumns(), p.values())) {
                continue;
            }
            if (stillReferenced(rt, p)) {
                throw RowConstraints.stillReferenced(p.parent(), p.child(), p.key(), p.values());
            }
        }
    }

    private static boolean stillReferenced(Runtime rt, Pending p) {
        try (RowCursor rows = rt.context().scanNewest(p.child())) {
            while (rows.next()) {
                if (ForeignKeyValues.matches(p.parent(), p.key().refColumns(), p.values(), p.child(), p.key().columns(),
                        rows.row())) {
                    return true;
                }
            }
        }
        return false;
    }
}
