package io.heliosdb.randomized;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/** A few tables with typed columns, rows full of NULLs and duplicates, and some indexes. */
record RandomSchema(List<Table> tables) {

    record Column(String name, ColType type) {
    }

    /** {@code indexes} holds column-name lists; {@code indexFirst} says whether they exist before the rows. */
    record Table(String name, List<Column> columns, List<List<String>> rows, List<List<String>> indexes,
                 boolean indexFirst) {

        Table withRows(List<List<String>> newRows) {
            return new Table(name, columns, newRows, indexes, indexFirst);
        }
    }

    static RandomSchema generate(Random random) {
        int tableCount = 2 + random.nextInt(2);
        List<Table> tables = new ArrayList<>();
        for (int t = 0; t < tableCount; t++) {
            List<Column> columns = new ArrayList<>();
            int columnCount = 2 + random.nextInt(4);
            for (int c = 0; c < columnCount; c++) {
                columns.add(new Column("c" + c, ColType.ALL.get(random.nextInt(ColType.ALL.size()))));
            }
            List<List<String>> rows = new ArrayList<>();
            int rowCount = random.nextInt(9);
            for (int r = 0; r < rowCount; r++) {
                if (r > 0 && random.nextInt(6) == 0) {
                    rows.add(rows.get(random.nextInt(rows.size())));
                    continue;
                }
                List<String> row = new ArrayList<>();
                for (Column column : columns) {
                    row.add(random.nextInt(5) == 0 ? "NULL" : column.type().insertValue(random));
                }
                rows.add(List.copyOf(row));
            }
            List<List<String>> indexes = new ArrayList<>();
            int indexCount = random.nextInt(3);
            for (int i = 0; i < indexCount; i++) {
                List<String> key = new ArrayList<>();
                key.add(columns.get(random.nextInt(columns.size())).name());
                if (random.nextBoolean()) {
                    String second = columns.get(random.nextInt(columns.size())).name();
                    if (!key.contains(second)) {
                        key.add(second);
                    }
                }
                indexes.add(key);
            }
            tables.add(new Table("t" + t, List.copyOf(columns), List.copyOf(rows), List.copyOf(indexes),
                    random.nextBoolean()));
        }
        return new RandomSchema(List.copyOf(tables));
    }

    /** The statements that build the schema, one per line. */
    List<String> statements() {
        List<String> out = new ArrayList<>();
        for (Table table : tables) {
            StringBuilder create = new StringBuilder("CREATE TABLE ").append(table.name()).append(" (");
            for (int c = 0; c < table.columns().size(); c++) {
                Column column = table.columns().get(c);
                create.append(c == 0 ? "" : ", ").append(column.name()).append(' ').append(column.type().sqlName);
            }
            out.add(create.append(')').toString());
            if (table.indexFirst()) {
                addIndexes(table, out);
            }
            if (!table.rows().isEmpty()) {
                StringBuilder insert = new StringBuilder("INSERT INTO ").append(table.name()).append(" VALUES ");
                for (int r = 0; r < table.rows().size(); r++) {
                    insert.append(r == 0 ? "" : ", ").append('(')
                            .append(String.join(", ", table.rows().get(r))).append(')');
                }
                out.add(insert.toString());
            }
            if (!table.indexFirst()) {
                addIndexes(table, out);
            }
        }
        return out;
    }

    private static void addIndexes(Table table, List<String> out) {
        for (int i = 0; i < table.indexes().size(); i++) {
            out.add("CREATE INDEX " + table.name() + "_i" + i + " ON " + table.name() + " ("
                    + String.join(", ", table.indexes().get(i)) + ")");
        }
    }

    /** This schema without row {@code row} of table {@code table} (for the reducer). */
    RandomSchema withoutRow(int table, int row) {
        List<Table> copy = new ArrayList<>(tables);
        List<List<String>> rows = new ArrayList<>(tables.get(table).rows());
        rows.remove(row);
        copy.set(table, tables.get(table).withRows(List.copyOf(rows)));
        return new RandomSchema(List.copyOf(copy));
    }

    /** Tables having a column that satisfies the filter on its index in {@link ColType#ALL}. */
    List<Table> tablesWith(IntPredicate typeOrdinal) {
        return tables.stream().filter(t -> t.columns().stream().anyMatch(c -> typeOrdinal.test(c.type().ordinal())))
                .toList();
    }
}
