package io.heliosdb.sql.analyze;

/**
 * One WITH CHECK OPTION condition a row written through a view must meet: {@code condition} over the base
 * table's row, named by the view it comes from (whose name the 44000 error gives).
 */
public record ViewCheck(String view, BoundExpr condition) {
}
