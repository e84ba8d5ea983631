package io.heliosdb.sql.plan;

/**
 * The shared token of a WITH query that reads enclosing queries' rows, with {@code depth}, the nearest
 * enclosing query it reads (1 = the query its CTE Scan sits in is run for). Its rows are computed once for
 * each row of that enclosing query and shared by every reference that sees the same enclosing rows, as
 * PostgreSQL's CTE Scan recomputes a correlated WITH query only when the outer values it reads change.
 */
public record CorrelatedCte(Object token, int depth) {
}
