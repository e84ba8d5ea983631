package io.heliosdb.core.session;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.ConstraintDef;
import io.heliosdb.sql.schema.QualifiedNames;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/** The SQL-standard information_schema views over the user tables, constraints and sequences. */
final class InformationSchemaRows {
    private InformationSchemaRows() {
    }

    static List<Object[]> schemata(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        String owner = o.roles().stream().filter(r -> r.oid() == o.ownerOid()).map(CatalogObjects.RoleInfo::name)
                .findFirst().orElse(o.currentUser());
        for (String schema : List.of("pg_catalog", "public", "information_schema")) {
            rows.add(new ViewRow(view).set("catalog_name", o.database()).set("schema_name", schema)
                    .set("schema_owner", owner).values());
        }
        for (io.heliosdb.sql.schema.SchemaDef schema : o.schemas()) {
            rows.add(new ViewRow(view).set("catalog_name", o.database()).set("schema_name", schema.name())
                    .set("schema_owner", schema.owner()).values());
        }
        return rows;
    }

    static List<Object[]> tables(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : o.tables()) {
            rows.add(new ViewRow(view).set("table_catalog", o.database()).set("table_schema", io.heliosdb.sql.schema.QualifiedNames.schemaOf(t.name()))
                    .set("table_name", io.heliosdb.sql.schema.QualifiedNames.localName(t.name())).set("table_type", "BASE TABLE").set("is_insertable_into", "YES")
                    .set("is_typed", "NO").values());
        }
        CatalogViewLookup lookup = new CatalogViewLookup(o);
        for (io.heliosdb.sql.schema.ViewDef v : o.views()) {
            rows.add(new ViewRow(view).set("table_catalog", o.database()).set("table_schema", io.heliosdb.sql.schema.QualifiedNames.schemaOf(v.name()))
                    .set("table_name", io.heliosdb.sql.schema.QualifiedNames.localName(v.name())).set("table_type", "VIEW").set("is_insertable_into", lookup.updatable(v))
                    .set("is_typed", "NO").values());
        }
        return rows;
    }

    static List<Object[]> columns(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : o.tables()) {
            for (int c = 0; c < t.columns().size(); c++) {
                ColumnDef col = t.columns().get(c);
                rows.add(column(view, o, t.name(), c, col).set("column_default", o.defaultText(col))
                        .set("is_nullable", col.notNull() || t.primaryKey().contains(c) ? "NO" : "YES")
                        .set("is_updatable", "YES").values());
            }
        }
        // A view's columns: nullable, no default, updatable when automatically updatable views can write them.
        CatalogViewLookup lookup = new CatalogViewLookup(o);
        for (io.heliosdb.sql.schema.ViewDef v : o.views()) {
            boolean[] updatable = io.heliosdb.sql.ViewUpdatability.updatableColumns(lookup, v);
            for (int c = 0; c < v.columns().size(); c++) {
                rows.add(column(view, o, v.name(), c, v.columns().get(c)).set("is_nullable", "YES")
                        .set("is_updatable", updatable[c] ? "YES" : "NO").values());
            }
        }
        return rows;
    }

    /** The facts of column {@code c} of relation {@code relation} that tables and views share. */
    private static ViewRow column(TableDef view, CatalogObjects o, String relation, int c, ColumnDef col) {
        ViewRow row = new ViewRow(view).set("table_catalog", o.database())
                .set("table_schema", io.heliosdb.sql.schema.QualifiedNames.schemaOf(relation))
                .set("table_name", io.heliosdb.sql.schema.QualifiedNames.localName(relation))
                .set("column_name", col.name()).set("ordinal_position", c + 1)
                .set("data_type", col.type().sqlName()).set("udt_catalog", o.database())
                .set("udt_schema", "pg_catalog").set("udt_name", col.type().pgName())
                .set("dtd_identifier", String.valueOf(c + 1)).set("is_self_referencing", "NO")
                .set("is_identity", "NO").set("identity_cycle", "NO").set("is_generated", "NEVER");
        io.heliosdb.sql.schema.TypeDef composite = o.compositeType(CatalogObjects.typeOid(col));
        if (composite != null) {
            row.set("data_type", "USER-DEFINED")
                    .set("udt_schema", io.heliosdb.sql.schema.QualifiedNames.schemaOf(composite.name()))
                    .set("udt_name", io.heliosdb.sql.schema.QualifiedNames.localName(composite.name()));
            return row;
        }
        numericFacts(row, col);
        return row;
    }

    private static void numericFacts(ViewRow row, ColumnDef col) {
        SqlType t = col.type();
        switch (t) {
            case SMALLINT, INTEGER, BIGINT -> row.set("numeric_precision", t == SqlType.SMALLINT ? 16
                    : t == SqlType.INTEGER ? 32 : 64).set("numeric_precision_radix", 2).set("numeric_scale", 0);
            case REAL, DOUBLE -> row.set("numeric_precision", t == SqlType.REAL ? 24 : 53)
                    .set("numeric_precision_radix", 2);
            case NUMERIC -> {
                row.set("numeric_precision_radix", 10);
                if (col.typmod() >= 4) {
                    row.set("numeric_precision", (col.typmod() - 4) >> 16).set("numeric_scale", (col.typmod() - 4) & 0xffff);
                } else {
                    row.set("numeric_precision", null).set("numeric_scale", null);
                }
            }
            case VARCHAR, TEXT -> {
                if (col.typmod() >= 4) {
                    row.set("character_maximum_length", col.typmod() - 4)
                            .set("character_octet_length", (col.typmod() - 4) * 4);
                } else {
                    row.set("character_octet_length", 1_073_741_824);
                }
            }
            case DATE, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL -> {
                row.set("datetime_precision", t == SqlType.DATE ? 0 : datetimePrecision(t, col.typmod()));
                if (t == SqlType.INTERVAL) {
                    row.set("interval_type", intervalType(col.typmod()));
                }
            }
            default -> {
            }
        }
        for (String column : List.of("numeric_precision", "numeric_precision_radix", "numeric_scale",
                "character_maximum_length", "character_octet_length", "datetime_precision", "interval_precision",
                "maximum_cardinality")) {
            // The standard's "does not apply" is NULL, not the 0 ViewRow starts numbers at.
            Object[] current = row.values();
            int index = row.indexOf(column);
            if (current[index] instanceof Integer i && i == 0 && !isMeaningfulZero(t, column)) {
                row.set(column, null);
            }
        }
    }

    private static boolean isMeaningfulZero(SqlType t, String column) {
        return column.equals("numeric_scale") && t.isInteger() || column.equals("datetime_precision")
                && (t == SqlType.DATE || t == SqlType.TIME || t == SqlType.TIMETZ || t == SqlType.TIMESTAMP
                || t == SqlType.TIMESTAMPTZ || t == SqlType.INTERVAL);
    }

    /**
     * PostgreSQL's _pg_interval_type: what follows {@code interval} in format_type, upper case
     * ({@code DAY TO SECOND(3)}), NULL without field qualifiers (a bare precision included).
     */
    private static String intervalType(int typmod) {
        String fields = io.heliosdb.api.IntervalTypmod.qualifier(io.heliosdb.api.IntervalTypmod.range(typmod));
        if (fields.isEmpty()) {
            return null;
        }
        int p = io.heliosdb.api.IntervalTypmod.precision(typmod);
        return (fields.trim() + (p >= 0 ? "(" + p + ")" : "")).toUpperCase(java.util.Locale.ROOT);
    }

    /** PostgreSQL's _pg_datetime_precision: the typmod's precision (interval: its low 16 bits), 6 when none. */
    private static int datetimePrecision(SqlType t, int typmod) {
        int p = t == SqlType.INTERVAL ? typmod & 0xFFFF : typmod;
        return typmod < 0 || p > 6 ? 6 : p;
    }

    static List<Object[]> tableConstraints(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : o.tables()) {
            if (t.hasPrimaryKey()) {
                rows.add(constraint(view, o, t, CatalogObjects.primaryKeyName(t), "PRIMARY KEY").values());
            }
            for (ConstraintDef c : t.constraints()) {
                if (c instanceof ConstraintDef.Unique u) {
                    rows.add(constraint(view, o, t, u.name(), "UNIQUE").set("nulls_distinct", "YES").values());
                } else if (c instanceof ConstraintDef.Check k) {
                    rows.add(constraint(view, o, t, k.name(), "CHECK").values());
                } else if (c instanceof ConstraintDef.ForeignKey f) {
                    rows.add(constraint(view, o, t, f.name(), "FOREIGN KEY").values());
                }
            }
        }
        return rows;
    }

    /** A row naming constraint {@code name} of table {@code t} (the columns table_constraints and the others share). */
    private static ViewRow constraint(TableDef view, CatalogObjects o, TableDef t, String name, String type) {
        ViewRow row = new ViewRow(view).set("constraint_catalog", o.database())
                .set("constraint_schema", QualifiedNames.schemaOf(t.name()))
                .set("constraint_name", QualifiedNames.localName(name));
        if (type == null) {
            return row;
        }
        return row.set("table_catalog", o.database()).set("table_schema", QualifiedNames.schemaOf(t.name()))
                .set("table_name", QualifiedNames.localName(t.name())).set("constraint_type", type)
                .set("is_deferrable", "NO").set("initially_deferred", "NO").set("enforced", "YES");
    }

    /** The columns of primary keys, unique and foreign keys; a foreign key's with their place in the key it references. */
    static List<Object[]> keyColumns(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : o.tables()) {
            keyColumns(view, o, t, CatalogObjects.primaryKeyName(t), t.primaryKey(), null, rows);
            for (ConstraintDef c : t.constraints()) {
                if (c instanceof ConstraintDef.Unique u) {
                    keyColumns(view, o, t, u.name(), u.columns(), null, rows);
                } else if (c instanceof ConstraintDef.ForeignKey f) {
                    keyColumns(view, o, t, f.name(), f.columns(), referencedPositions(o, f), rows);
                }
            }
        }
        return rows;
    }

    private static void keyColumns(TableDef view, CatalogObjects o, TableDef t, String name, List<Integer> columns,
                                   List<Integer> positions, List<Object[]> rows) {
        for (int k = 0; k < columns.size(); k++) {
            rows.add(new ViewRow(view).set("constraint_catalog", o.database())
                    .set("constraint_schema", QualifiedNames.schemaOf(t.name()))
                    .set("constraint_name", QualifiedNames.localName(name)).set("table_catalog", o.database())
                    .set("table_schema", QualifiedNames.schemaOf(t.name()))
                    .set("table_name", QualifiedNames.localName(t.name()))
                    .set("column_name", t.columns().get(columns.get(k)).name()).set("ordinal_position", k + 1)
                    .set("position_in_unique_constraint", positions == null ? null : positions.get(k)).values());
        }
    }

    /** For each column of foreign key {@code f}: the 1-based place of the column it references in that key. */
    private static List<Integer> referencedPositions(CatalogObjects o, ConstraintDef.ForeignKey f) {
        List<Integer> key = referencedKey(o, f) == null ? f.refColumns() : referencedKey(o, f).columns();
        List<Integer> positions = new ArrayList<>();
        for (int column : f.refColumns()) {
            int at = key.indexOf(column);
            positions.add(at < 0 ? null : at + 1);
        }
        return positions;
    }

    /** The primary key or unique constraint a foreign key references: its name and columns (null if none is found). */
    private record ReferencedKey(TableDef table, String name, List<Integer> columns) {
    }

    private static ReferencedKey referencedKey(CatalogObjects o, ConstraintDef.ForeignKey f) {
        TableDef ref = o.tables().stream().filter(t -> t.name().equals(f.refTable())).findFirst().orElse(null);
        if (ref == null) {
            return null;
        }
        java.util.Set<Integer> wanted = new java.util.HashSet<>(f.refColumns());
        if (ref.hasPrimaryKey() && new java.util.HashSet<>(ref.primaryKey()).equals(wanted)) {
            return new ReferencedKey(ref, CatalogObjects.primaryKeyName(ref), ref.primaryKey());
        }
        for (ConstraintDef c : ref.constraints()) {
            if (c instanceof ConstraintDef.Unique u && new java.util.HashSet<>(u.columns()).equals(wanted)) {
                return new ReferencedKey(ref, u.name(), u.columns());
            }
        }
        return null;
    }

    static List<Object[]> referentialConstraints(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : o.tables()) {
            for (ConstraintDef c : t.constraints()) {
                if (c instanceof ConstraintDef.ForeignKey f) {
                    ReferencedKey key = referencedKey(o, f);
                    rows.add(constraint(view, o, t, f.name(), null)
                            .set("unique_constraint_catalog", key == null ? null : o.database())
                            .set("unique_constraint_schema", key == null ? null : QualifiedNames.schemaOf(key.table().name()))
                            .set("unique_constraint_name", key == null ? null : QualifiedNames.localName(key.name()))
                            .set("match_option", "NONE").set("update_rule", rule(f.onUpdate()))
                            .set("delete_rule", rule(f.onDelete())).values());
                }
            }
        }
        return rows;
    }

    private static String rule(ConstraintDef.Action action) {
        return action.name().replace('_', ' ');
    }

    static List<Object[]> sequences(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (io.heliosdb.sql.schema.SequenceDef q : o.sequences()) {
            int precision = q.type() == SqlType.SMALLINT ? 16 : q.type() == SqlType.INTEGER ? 32 : 64;
            rows.add(new ViewRow(view).set("sequence_catalog", o.database())
                    .set("sequence_schema", QualifiedNames.schemaOf(q.name()))
                    .set("sequence_name", QualifiedNames.localName(q.name())).set("data_type", q.type().sqlName())
                    .set("numeric_precision", precision).set("numeric_precision_radix", 2).set("numeric_scale", 0)
                    .set("start_value", Long.toString(q.start())).set("minimum_value", Long.toString(q.min()))
                    .set("maximum_value", Long.toString(q.max())).set("increment", Long.toString(q.increment()))
                    .set("cycle_option", q.cycle() ? "YES" : "NO").values());
        }
        return rows;
    }
}
