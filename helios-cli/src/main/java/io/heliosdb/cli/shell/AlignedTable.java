package io.heliosdb.cli.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders rows in psql's default "aligned" format (border 1): headers centred, a {@code ---+---}
 * rule, numbers right-aligned and text left-aligned, multi-line values continued with {@code +},
 * then {@code (n rows)} and a blank line.
 */
public final class AlignedTable {
    private final String title;
    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();
    private List<String> footers;

    /**
     * @param title        centred above the table (psql's {@code \dt} "List of relations"), or null
     * @param headers      the column names
     * @param rightAligned per column: whether values are right-aligned (numeric types)
     */
    public AlignedTable(String title, List<String> headers, boolean[] rightAligned) {
        if (headers.size() != rightAligned.length) {
            throw new IllegalArgumentException("one alignment per header expected");
        }
        this.title = title;
        this.headers = List.copyOf(headers);
        this.rightAligned = rightAligned.clone();
    }

    /** Adds a row of text values; a null value prints as nothing, as psql prints NULL by default. */
    public void addRow(String[] values) {
        if (values.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " values, got " + values.length);
        }
        rows.add(values.clone());
    }

    /** Lines printed under the rows instead of {@code (n rows)}, as psql's {@code \d table} prints its indexes. */
    public void setFooters(List<String> lines) {
        footers = List.copyOf(lines);
    }

    public int rowCount() {
        return rows.size();
    }

    /** The whole table, footer and trailing blank line included; every line ends with a newline. */
    public String render() {
        int n = headers.size();
        int[] widths = new int[n];
        List<String[][]> splitRows = new ArrayList<>(rows.size());
        for (int c = 0; c < n; c++) {
            widths[c] = DisplayWidth.of(headers.get(c));
        }
        for (String[] row : rows) {
            String[][] cells = new String[n][];
            for (int c = 0; c < n; c++) {
                cells[c] = (row[c] == null ? "" : row[c]).split("\n", -1);
                for (String line : cells[c]) {
                    widths[c] = Math.max(widths[c], DisplayWidth.of(line));
                }
            }
            splitRows.add(cells);
        }
        StringBuilder out = new StringBuilder();
        appendTitle(out, widths);
        appendHeader(out, widths);
        for (int c = 0; c < n; c++) {
            out.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        out.append('\n');
        for (String[][] cells : splitRows) {
            appendRow(out, cells, widths);
        }
        if (footers != null) {
            footers.forEach(line -> out.append(line).append('\n'));
            out.append('\n');
        } else {
            out.append(rows.size() == 1 ? "(1 row)" : "(" + rows.size() + " rows)").append("\n\n");
        }
        return out.toString();
    }

    private void appendTitle(StringBuilder out, int[] widths) {
        if (title == null) {
            return;
        }
        int total = 3 * widths.length - 1;
        for (int w : widths) {
            total += w;
        }
        int titleWidth = DisplayWidth.of(title);
        out.append(" ".repeat(Math.max(0, (total - titleWidth) / 2))).append(title).append('\n');
    }

    private void appendHeader(StringBuilder out, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            String h = headers.get(c);
            int space = widths[c] - DisplayWidth.of(h);
            out.append(c == 0 ? " " : " | ")
                    .append(" ".repeat(space / 2)).append(h).append(" ".repeat(space - space / 2));
        }
        out.append(" \n");
    }

    private void appendRow(StringBuilder out, String[][] cells, int[] widths) {
        int height = 1;
        for (String[] cell : cells) {
            height = Math.max(height, cell.length);
        }
        for (int line = 0; line < height; line++) {
            out.append(' ');
            for (int c = 0; c < cells.length; c++) {
                boolean last = c == cells.length - 1;
                boolean past = line >= cells[c].length;
                String text = past ? "" : cells[c][line];
                boolean continues = line + 1 < cells[c].length;
                int pad = widths[c] - DisplayWidth.of(text);
                if (past) {
                    // psql pads a finished cell only when more columns follow.
                    out.append(last ? "" : " ".repeat(pad));
                } else if (rightAligned[c]) {
                    out.append(" ".repeat(pad)).append(text);
                } else {
                    out.append(text);
                    if (!last || continues) {
                        out.append(" ".repeat(pad));
                    }
                }
                if (!last) {
                    out.append(continues ? "+| " : " | ");
                } else if (continues) {
                    out.append('+');
                }
            }
            out.append('\n');
        }
    }
}
