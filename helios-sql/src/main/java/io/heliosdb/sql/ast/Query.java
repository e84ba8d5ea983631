package io.heliosdb.sql.ast;

import java.util.List;

/** A statement that returns rows: a SELECT, a set operation or a VALUES list, each with its own ORDER BY/LIMIT. */
public sealed interface Query extends Statement permits Select, SetOperation, ValuesQuery, RecursiveQuery,
        LockedQuery, ReturningRows {

    List<Select.OrderItem> orderBy();

    /** Null when absent. */
    Expr limit();

    /** Null when absent. */
    Expr offset();
}
