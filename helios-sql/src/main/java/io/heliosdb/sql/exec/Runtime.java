package io.heliosdb.sql.exec;

import io.heliosdb.sql.ExecutionContext;

/** What one execution sees: the kernel's context and the coerced parameter values. */
record Runtime(ExecutionContext context, Object[] params) {
}
