package io.heliosdb.wire;

import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.SqlType;

/**
 * A statement made by Parse. {@code query} is null for an empty query text, which executes to
 * EmptyQueryResponse as in PostgreSQL. {@code frames}: its repeating answers in wire form.
 */
record PreparedStatement(String sql, PreparedQuery query, int[] declaredOids, StatementFrames frames) {

    PreparedStatement(String sql, PreparedQuery query, int[] declaredOids) {
        this(sql, query, declaredOids, new StatementFrames());
    }

    int parameterCount() {
        return query == null ? declaredOids.length : Math.max(declaredOids.length, query.parameterTypes().size());
    }

    /** The OID ParameterDescription reports: the client's declaration, else what the engine inferred. */
    int parameterOid(int index) {
        if (index < declaredOids.length && declaredOids[index] != 0) {
            return declaredOids[index];
        }
        SqlType inferred = inferredType(index);
        return inferred == null ? SqlType.UNKNOWN.oid() : inferred.oid();
    }

    /** The type a binary parameter value is read as, or null when we do not know it. */
    SqlType parameterType(int index) {
        if (index < declaredOids.length && declaredOids[index] != 0) {
            return SqlType.ofOid(declaredOids[index]);
        }
        return inferredType(index);
    }

    private SqlType inferredType(int index) {
        if (query == null || index >= query.parameterTypes().size()) {
            return null;
        }
        return query.parameterTypes().get(index);
    }

    void close() {
        if (query != null) {
            query.close();
        }
    }
}
