package io.heliosdb.core.session;

import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.sql.schema.ConstraintDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * pg_constraint's rows (PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY) and {@code pg_get_constraintdef}'s text
 * for them, as psql's {@code \d} and pgJDBC's getPrimaryKeys / getImportedKeys read them: conkey and
 * confkey are int2[] of 1-based column numbers, conindid the index that enforces the key (for a foreign
 * key, the referenced table's primary key or unique index on the referenced columns).
 */
final class PgConstraintRows {
    private PgConstraintRows() {
    }

    static List<Object[]> constraints(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : o.tables()) {
            if (t.hasPrimaryKey()) {
                rows.add(row(view, o, t, CatalogObjects.primaryKeyConstraintOid(t), CatalogObjects.primaryKeyName(t), "p")
                        .set("conindid", CatalogObjects.primaryKeyIndexOid(t)).set("conkey", numbers(t.primaryKey()))
                        .values());
            }
            for (ConstraintDef c : t.constraints()) {
                int oid = CatalogObjects.constraintOid(t, c, o.indexes());
                if (c instanceof ConstraintDef.Unique u) {
                    StoredIndex index = index(o, t, u.columns());
                    rows.add(row(view, o, t, oid, u.name(), "u").set("conkey", numbers(u.columns()))
                            .set("conindid", index == null ? 0 : CatalogObjects.indexOid(index)).values());
                } else if (c instanceof ConstraintDef.Check k) {
                    rows.add(row(view, o, t, oid, k.name(), "c").set("conbin", k.expression()).set("connoinherit", false)
                            .values());
                } else if (c instanceof ConstraintDef.ForeignKey f) {
                    TableDef ref = table(o, f.refTable());
                    rows.add(row(view, o, t, oid, f.name(), "f").set("conkey", numbers(f.columns()))
                            .set("confkey", numbers(f.refColumns())).set("connoinherit", false)
                            .set("confrelid", ref == null ? 0 : CatalogObjects.tableOid(ref))
                            .set("conindid", ref == null ? 0 : keyIndexOid(o, ref, f.refColumns()))
                            .set("confupdtype", action(f.onUpdate())).set("confdeltype", action(f.onDelete()))
                            .set("confmatchtype", "s").values());
                }
            }
        }
        return rows;
    }

    private static ViewRow row(TableDef view, CatalogObjects o, TableDef t, int oid, String name, String type) {
        return new ViewRow(view).set("oid", oid).set("conname", io.heliosdb.sql.schema.QualifiedNames.localName(name))
                .set("connamespace", o.namespaceOid(t.name())).set("contype", type)
                .set("convalidated", true).set("conrelid", CatalogObjects.tableOid(t)).set("confupdtype", " ")
                .set("confdeltype", " ").set("confmatchtype", " ").set("conislocal", true).set("connoinherit", true);
    }

    /** 0-based column indexes as PostgreSQL's 1-based attribute numbers. */
    private static List<Short> numbers(List<Integer> columns) {
        return columns.stream().map(c -> (short) (c + 1)).toList();
    }

    private static String action(ConstraintDef.Action action) {
        return switch (action) {
            case NO_ACTION -> "a";
            case RESTRICT -> "r";
            case CASCADE -> "c";
            case SET_NULL -> "n";
            case SET_DEFAULT -> "d";
        };
    }

    private static TableDef table(CatalogObjects o, String name) {
        return o.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    private static StoredIndex index(CatalogObjects o, TableDef t, List<Integer> columns) {
        for (StoredIndex i : o.indexes()) {
            if (i.tableId() == t.id() && i.definition().unique() && i.definition().columns().equals(columns)) {
                return i;
            }
        }
        return null;
    }

    private static int keyIndexOid(CatalogObjects o, TableDef ref, List<Integer> columns) {
        if (ref.primaryKey().equals(columns)) {
            return CatalogObjects.primaryKeyIndexOid(ref);
        }
        StoredIndex index = index(o, ref, columns);
        return index == null ? 0 : CatalogObjects.indexOid(index);
    }

    /** {@code PRIMARY KEY (a, b)}, {@code FOREIGN KEY (c) REFERENCES t(id) ON DELETE CASCADE}, ... or null. */
    static String definition(CatalogObjects o, int oid) {
        for (TableDef t : o.tables()) {
            if (t.hasPrimaryKey() && CatalogObjects.primaryKeyConstraintOid(t) == oid) {
                return "PRIMARY KEY " + columns(t, t.primaryKey());
            }
            for (ConstraintDef c : t.constraints()) {
                if (c instanceof ConstraintDef.PrimaryKey || CatalogObjects.constraintOid(t, c, o.indexes()) != oid) {
                    continue;
                }
                if (c instanceof ConstraintDef.Unique u) {
                    return "UNIQUE " + columns(t, u.columns());
                } else if (c instanceof ConstraintDef.Check k) {
                    return "CHECK (" + k.expression() + ")";
                }
                ConstraintDef.ForeignKey f = (ConstraintDef.ForeignKey) c;
                TableDef ref = table(o, f.refTable());
                String text = "FOREIGN KEY " + columns(t, f.columns()) + " REFERENCES " + o.regclassText(f.refTable())
                        + (ref == null ? "" : columns(ref, f.refColumns()));
                text += clause(" ON UPDATE ", f.onUpdate()) + clause(" ON DELETE ", f.onDelete());
                return text;
            }
        }
        return null;
    }

    private static String clause(String prefix, ConstraintDef.Action action) {
        return action == ConstraintDef.Action.NO_ACTION ? "" : prefix + action.name().replace('_', ' ');
    }

    private static String columns(TableDef t, List<Integer> columns) {
        StringJoiner names = new StringJoiner(", ", "(", ")");
        columns.forEach(c -> names.add(PgClassRows.quote(t.columns().get(c).name())));
        return names.toString();
    }

    /**
     * pg_class.relhastriggers: in PostgreSQL foreign keys are enforced by triggers on both tables, and psql
     * lists a table's foreign keys and referencing ones only when it is set.
     */
    static boolean hasForeignKeyTriggers(CatalogObjects o, TableDef t) {
        for (TableDef other : o.tables()) {
            for (ConstraintDef c : other.constraints()) {
                if (c instanceof ConstraintDef.ForeignKey f && (other == t || f.refTable().equals(t.name()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** pg_class.relchecks: the number of CHECK constraints. */
    static int checks(TableDef t) {
        return (int) t.constraints().stream().filter(c -> c instanceof ConstraintDef.Check).count();
    }
}
