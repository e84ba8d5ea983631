package io.heliosdb.sql.exec;

/** A compiled expression: evaluated per row without walking the syntax tree again. */
@FunctionalInterface
public interface Evaluator {

    Object evaluate(Object[] row, Runtime rt);
}
