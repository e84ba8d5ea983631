package io.heliosdb.cli.dump;

import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a database as a plain SQL script in pg_dump's plain format order: schemas, composite types, sequences, tables
 * (columns, defaults, NOT NULL, PRIMARY KEY/UNIQUE/CHECK), data as {@code COPY ... FROM stdin} in text
 * format, sequence values, indexes, FOREIGN KEYs, views (in creation order, which is a dependency order)
 * and comments. Everything is read from the SQL catalog ({@code pg_class}, {@code pg_attribute},
 * {@code pg_constraint}, {@code pg_get_*def}) in one REPEATABLE READ, READ ONLY transaction.
 */
public final class SqlDump {
    private static final String USER_RELATIONS = "select c.oid, n.nspname, c.relname, c.relkind from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema')"
            + " order by c.oid";

    private final Session session;
    private final Writer out;
    private final boolean schema;
    private final boolean data;
    private final Set<String> onlyTables;

    /**
     * @param onlyTables table names ({@code name} or {@code schema.name}) to dump; empty for the whole database,
     *                   otherwise views, schemas and free-standing sequences are left out
     */
    public SqlDump(Session session, Writer out, boolean schema, boolean data, Set<String> onlyTables) {
        this.session = session;
        this.out = out;
        this.schema = schema;
        this.data = data;
        this.onlyTables = Set.copyOf(onlyTables);
    }

    /** Writes the script; the session must be outside a transaction. */
    public void write() {
        session.execute("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").close();
        try {
            writeInSnapshot();
        } finally {
            session.execute("COMMIT").close();
        }
        flush();
    }

    private void writeInSnapshot() {
        List<Relation> relations = relations();
        List<Relation> tables = relations.stream().filter(r -> r.kind.equals("r") && wanted(r)).toList();
        Set<String> owned = new HashSet<>();
        Map<Relation, List<String>> columnSql = new LinkedHashMap<>();
        for (Relation t : tables) {
            columnSql.put(t, columns(t, owned));
        }
        line("--");
        line("-- HeliosDB Lite database dump");
        line("--");
        line("");
        if (schema && onlyTables.isEmpty()) {
            for (Row r : rows("select nspname from pg_namespace where nspname not in"
                    + " ('pg_catalog', 'information_schema', 'public') and nspname not like 'pg\\_%' order by oid")) {
                line("CREATE SCHEMA " + Sql.ident(r.getString(0)) + ";");
            }
            compositeTypes(relations);
            for (Relation s : relations) {
                if (s.kind.equals("S") && !owned.contains(s.qualified())) {
                    line(sequence(s));
                }
            }
        }
        List<Row> constraints = rows("select conrelid, conname, contype, pg_get_constraintdef(oid) from pg_constraint"
                + " order by oid");
        if (schema) {
            for (Relation t : tables) {
                List<String> parts = new ArrayList<>(columnSql.get(t));
                for (Row c : constraints) {
                    if (c.getString(0).equals(t.oid) && !c.getString(2).equals("f")) {
                        parts.add("CONSTRAINT " + Sql.ident(c.getString(1)) + " " + c.getString(3));
                    }
                }
                line("");
                line("CREATE TABLE " + t.qualified() + " (\n    " + String.join(",\n    ", parts) + "\n);");
            }
        }
        if (data) {
            for (Relation t : tables) {
                String cols = String.join(", ", columnNames(t));
                line("");
                line("COPY " + t.qualified() + " (" + cols + ") FROM stdin;");
                flush();
                session.copyOut("COPY " + t.qualified() + " (" + cols + ") TO STDOUT", out);
                line("\\.");
            }
            line("");
            for (Relation t : tables) {
                for (String col : columnNames(t)) {
                    String seq = serialSequence(t, col);
                    if (seq != null) {
                        // A sequence's own value is not readable through SQL here: its serial column's maximum
                        // gives the next value a restored table needs.
                        line("SELECT pg_catalog.setval(" + Sql.literal(seq) + ", coalesce((SELECT max(" + col
                                + ") FROM " + t.qualified() + "), 1), (SELECT count(*) > 0 FROM " + t.qualified() + "));");
                    }
                }
            }
        }
        if (schema) {
            Set<String> constraintNames = new HashSet<>();
            constraints.forEach(c -> constraintNames.add(c.getString(0) + "." + c.getString(1)));
            for (Relation t : tables) {
                for (Row ix : rows("select c.relname, pg_get_indexdef(i.indexrelid) from pg_index i"
                        + " join pg_class c on c.oid = i.indexrelid where i.indrelid = " + t.oid + " order by i.indexrelid")) {
                    if (!constraintNames.contains(t.oid + "." + ix.getString(0))) {
                        line(ix.getString(1) + ";");
                    }
                }
            }
            for (Relation t : tables) {
                for (Row c : constraints) {
                    if (c.getString(0).equals(t.oid) && c.getString(2).equals("f")) {
                        line("ALTER TABLE " + t.qualified() + " ADD CONSTRAINT " + Sql.ident(c.getString(1)) + " "
                                + c.getString(3) + ";");
                    }
                }
            }
            if (onlyTables.isEmpty()) {
                for (Relation v : relations) {
                    if (v.kind.equals("v")) {
                        view(v);
                    }
                }
            }
            comments(relations);
        }
        line("");
        line("--");
        line("-- HeliosDB Lite database dump complete");
        line("--");
    }

    private void view(Relation v) {
        String def = rows("select pg_get_viewdef(" + v.oid + ")").get(0).getString(0).strip();
        if (def.endsWith(";")) {
            def = def.substring(0, def.length() - 1);
        }
        line("");
        if (!v.schema.equals("public")) {
            line("SET search_path = " + Sql.ident(v.schema) + ", public;");
        }
        line("CREATE VIEW " + v.qualified() + " AS\n " + def + ";");
        if (!v.schema.equals("public")) {
            line("SET search_path = public;");
        }
    }

    private void comments(List<Relation> relations) {
        Map<String, Relation> byOid = new LinkedHashMap<>();
        relations.forEach(r -> byOid.put(r.oid, r));
        for (Row d : rows("select objoid, objsubid, description from pg_description where classoid = 1259"
                + " order by objoid, objsubid")) {
            Relation r = byOid.get(d.getString(0));
            if (r == null || (r.kind.equals("r") ? !wanted(r) : !onlyTables.isEmpty())) {
                continue;
            }
            String target;
            if (d.getString(1).equals("0")) {
                target = (r.kind.equals("v") ? "VIEW " : r.kind.equals("S") ? "SEQUENCE " : "TABLE ") + r.qualified();
            } else {
                target = "COLUMN " + r.qualified() + "." + Sql.ident(rows("select attname from pg_attribute where attrelid = "
                        + r.oid + " and attnum = " + d.getString(1)).get(0).getString(0));
            }
            line("COMMENT ON " + target + " IS " + Sql.literal(d.getString(2)) + ";");
        }
    }

    /** The column definitions; a column fed by its own sequence becomes serial/bigserial, as pg_dump's input had it. */
    /** CREATE TYPE ... AS (...) for each composite type, in creation order (a type's field types come first). */
    private void compositeTypes(List<Relation> relations) {
        for (Relation c : relations) {
            if (c.kind.equals("c")) {
                List<String> fields = new ArrayList<>();
                for (Row a : rows("select attname, format_type(atttypid, atttypmod) from pg_attribute where attrelid = "
                        + c.oid + " and attnum > 0 order by attnum")) {
                    fields.add(Sql.ident(a.getString(0)) + " " + a.getString(1));
                }
                line("");
                line("CREATE TYPE " + c.qualified() + " AS (\n    " + String.join(",\n    ", fields) + "\n);");
            }
        }
    }

    private List<String> columns(Relation t, Set<String> owned) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Row d : rows("select adnum, pg_get_expr(adbin, adrelid) from pg_attrdef where adrelid = " + t.oid)) {
            defaults.put(d.getString(0), d.getString(1));
        }
        List<String> cols = new ArrayList<>();
        for (Row a : rows("select attname, format_type(atttypid, atttypmod), attnotnull, attnum from pg_attribute"
                + " where attrelid = " + t.oid + " and attnum > 0 order by attnum")) {
            String name = a.getString(0);
            String type = a.getString(1);
            String def = defaults.get(a.getString(3));
            boolean notNull = "t".equals(a.getString(2)) || "true".equals(a.getString(2));
            String seq = def != null && def.startsWith("nextval(") ? serialSequence(t, name) : null;
            StringBuilder sb = new StringBuilder(Sql.ident(name)).append(' ');
            if (seq != null && Sql.SERIALS.containsKey(type)) {
                owned.add(seq);
                sb.append(Sql.SERIALS.get(type));
            } else {
                sb.append(type);
                if (def != null) {
                    sb.append(" DEFAULT ").append(def.replace("'::regclass)", "')"));
                }
                if (notNull) {
                    sb.append(" NOT NULL");
                }
            }
            cols.add(sb.toString());
        }
        return cols;
    }

    private List<String> columnNames(Relation t) {
        List<String> names = new ArrayList<>();
        for (Row a : rows("select attname from pg_attribute where attrelid = " + t.oid + " and attnum > 0 order by attnum")) {
            names.add(Sql.ident(a.getString(0)));
        }
        return names;
    }

    private String serialSequence(Relation t, String column) {
        for (Row d : rows("select a.attname from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid"
                + " and a.attnum = d.adnum where d.adrelid = " + t.oid)) {
            if (d.getString(0).equals(column.replace("\"", ""))) {
                Row r = rows("select pg_get_serial_sequence(" + Sql.literal(t.qualified()) + ", "
                        + Sql.literal(d.getString(0)) + ")").get(0);
                String seq = r.getString(0);
                if (seq == null) {
                    return null;
                }
                // Qualified with the table's schema (the kernel may lead with public. as well).
                if (seq.startsWith("public.") && seq.indexOf('.', "public.".length()) > 0) {
                    seq = seq.substring("public.".length());
                }
                return seq.contains(".") ? seq : Sql.ident(t.schema) + "." + seq;
            }
        }
        return null;
    }

    private String sequence(Relation s) {
        List<Row> r = rows("select seqstart, seqincrement, seqmin, seqmax, seqcache, seqcycle from pg_sequence"
                + " where seqrelid = " + s.oid);
        if (r.isEmpty()) {
            return "CREATE SEQUENCE " + s.qualified() + ";";
        }
        Row q = r.get(0);
        boolean cycle = "t".equals(q.getString(5)) || "true".equals(q.getString(5));
        return "CREATE SEQUENCE " + s.qualified() + " START WITH " + q.getString(0) + " INCREMENT BY " + q.getString(1)
                + " MINVALUE " + q.getString(2) + " MAXVALUE " + q.getString(3) + " CACHE " + q.getString(4)
                + (cycle ? " CYCLE" : " NO CYCLE") + ";";
    }

    private boolean wanted(Relation r) {
        return onlyTables.isEmpty() || onlyTables.contains(r.name) || onlyTables.contains(r.schema + "." + r.name);
    }

    private List<Relation> relations() {
        List<Relation> all = new ArrayList<>();
        for (Row r : rows(USER_RELATIONS)) {
            all.add(new Relation(r.getString(0), r.getString(1), r.getString(2), r.getString(3)));
        }
        return all;
    }

    private List<Row> rows(String sql) {
        try (QueryResult result = session.execute(sql)) {
            return result.toList();
        }
    }

    private void line(String s) {
        try {
            out.write(s);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the dump: " + e.getMessage(), e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the dump: " + e.getMessage(), e);
        }
    }

    private record Relation(String oid, String schema, String name, String kind) {
        String qualified() {
            return Sql.ident(schema) + "." + Sql.ident(name);
        }
    }
}
