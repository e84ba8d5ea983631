package io.heliosdb.wire;

import io.heliosdb.api.QueryResult;

/**
 * A statement bound to parameter values. It starts running on its first Execute and may be
 * suspended at a row limit and resumed by the next Execute.
 */
final class Portal {
    final PreparedStatement statement;
    final Object[] parameters;
    /** Format codes as Bind gave them (expanded once the result columns are known). */
    final short[] resultFormatCodes;
    QueryResult result;
    /** The command tag once the portal ran to completion. */
    String completedTag;

    Portal(PreparedStatement statement, Object[] parameters, short[] resultFormatCodes) {
        this.statement = statement;
        this.parameters = parameters;
        this.resultFormatCodes = resultFormatCodes;
    }

    void close() {
        if (result != null) {
            QueryResult r = result;
            result = null;
            r.close();
        }
    }
}
