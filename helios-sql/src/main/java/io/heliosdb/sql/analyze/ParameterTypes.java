package io.heliosdb.sql.analyze;

import io.heliosdb.api.SqlType;
import java.util.ArrayList;
import java.util.List;

/** Types of {@code $1..$n}: declared by the client, else inferred from the first typed context, else text. */
final class ParameterTypes {
    private final List<SqlType> types = new ArrayList<>();

    ParameterTypes(List<SqlType> declared) {
        if (declared != null) {
            for (SqlType t : declared) {
                types.add(t == null ? SqlType.UNKNOWN : t);
            }
        }
    }

    /** The type of parameter {@code index} (0-based), UNKNOWN while not yet inferred. */
    SqlType get(int index) {
        while (types.size() <= index) {
            types.add(SqlType.UNKNOWN);
        }
        return types.get(index);
    }

    void infer(int index, SqlType type) {
        get(index);
        if (types.get(index) == SqlType.UNKNOWN) {
            types.set(index, type == SqlType.UNKNOWN ? SqlType.TEXT : type);
        }
    }

    /** Final types: parameters nothing typed are text. */
    List<SqlType> finish() {
        return types.stream().map(t -> t == SqlType.UNKNOWN ? SqlType.TEXT : t).toList();
    }
}
