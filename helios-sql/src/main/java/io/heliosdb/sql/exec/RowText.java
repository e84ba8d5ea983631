package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.RecordText;

/** {@code ROW(a, b)} as a value: PostgreSQL's record text of its fields, {@code (1,"a b",)} (never null itself). */
final class RowText {

    private RowText() {
    }

    static Evaluator evaluator(BuiltinCall call, Evaluator[] args) {
        SqlType[] types = call.args().stream().map(BoundExpr::type).toArray(SqlType[]::new);
        return (row, rt) -> {
            String[] fields = new String[args.length];
            for (int i = 0; i < args.length; i++) {
                Object v = args[i].evaluate(row, rt);
                fields[i] = v == null ? null : types[i].format(v);
            }
            return RecordText.format(fields);
        };
    }
}
