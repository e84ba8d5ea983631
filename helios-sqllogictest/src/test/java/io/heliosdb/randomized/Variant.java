package io.heliosdb.randomized;

/** The ternary-logic-partitioning oracles, after SQLancer's TLP WHERE, DISTINCT, GROUP BY, HAVING and aggregate. */
enum Variant {
    WHERE, DISTINCT, GROUP_BY, HAVING, AGGREGATE
}
