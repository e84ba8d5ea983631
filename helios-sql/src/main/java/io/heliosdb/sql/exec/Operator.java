package io.heliosdb.sql.exec;

/** A compiled plan node; {@link #open} starts one run of it. */
@FunctionalInterface
interface Operator {

    RowSource open(Runtime runtime);
}
