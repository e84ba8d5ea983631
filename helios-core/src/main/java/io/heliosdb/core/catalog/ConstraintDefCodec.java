package io.heliosdb.core.catalog;

import static io.heliosdb.core.catalog.CatalogFields.*;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.sql.schema.ConstraintDef;
import java.util.ArrayList;
import java.util.List;

/** The stored form of a table's constraints, appended to its definition (format 2 and later). */
final class ConstraintDefCodec {
    private static final int PRIMARY_KEY = 1;
    private static final int UNIQUE = 2;
    private static final int CHECK = 3;
    private static final int FOREIGN_KEY = 4;

    private ConstraintDefCodec() {
    }

    static void write(ByteWriter out, List<ConstraintDef> constraints) {
        out.writeVarLong(constraints.size());
        for (ConstraintDef c : constraints) {
            if (c instanceof ConstraintDef.PrimaryKey p) {
                out.write(PRIMARY_KEY);
                writeString(out, p.name());
            } else if (c instanceof ConstraintDef.Unique u) {
                out.write(UNIQUE);
                writeString(out, u.name());
                writeInts(out, u.columns());
            } else if (c instanceof ConstraintDef.Check k) {
                out.write(CHECK);
                writeString(out, k.name());
                writeString(out, k.expression());
            } else if (c instanceof ConstraintDef.ForeignKey f) {
                out.write(FOREIGN_KEY);
                writeString(out, f.name());
                writeInts(out, f.columns());
                writeString(out, f.refTable());
                writeInts(out, f.refColumns());
                out.write(f.onDelete().ordinal());
                out.write(f.onUpdate().ordinal());
            }
        }
    }

    static List<ConstraintDef> read(ByteReader in) {
        int count = in.readLength();
        List<ConstraintDef> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = in.read();
            String name = readString(in);
            out.add(switch (kind) {
                case PRIMARY_KEY -> new ConstraintDef.PrimaryKey(name);
                case UNIQUE -> new ConstraintDef.Unique(name, readInts(in));
                case CHECK -> new ConstraintDef.Check(name, readString(in));
                case FOREIGN_KEY -> new ConstraintDef.ForeignKey(name, readInts(in), readString(in), readInts(in),
                        ConstraintDef.Action.values()[in.read()], ConstraintDef.Action.values()[in.read()]);
                default -> throw new HeliosException(SqlState.DATA_CORRUPTED, "unknown constraint kind " + kind);
            });
        }
        return out;
    }

}
