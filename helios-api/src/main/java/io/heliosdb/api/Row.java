package io.heliosdb.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** One result row. Values are the Java classes of {@link SqlType#javaClass()}, or {@code null}. */
public final class Row {
    private final List<Column> columns;
    private final Object[] values;

    public Row(List<Column> columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    public int size() {
        return values.length;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The value of the 0-based column {@code index}. */
    public Object get(int index) {
        return values[index];
    }

    /** The value of the first column with this name (case-insensitive). */
    public Object get(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return values[i];
            }
        }
        throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" is not in this result");
    }

    public boolean isNull(int index) {
        return values[index] == null;
    }

    public String getString(int index) {
        return getText(index);
    }

    public Integer getInt(int index) {
        Object v = values[index];
        return v == null ? null : ((Number) v).intValue();
    }

    public Long getLong(int index) {
        Object v = values[index];
        return v == null ? null : ((Number) v).longValue();
    }

    public Double getDouble(int index) {
        Object v = values[index];
        return v == null ? null : ((Number) v).doubleValue();
    }

    public BigDecimal getBigDecimal(int index) {
        Object v = values[index];
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        return new BigDecimal(columns.get(index).type().format(v));
    }

    public Boolean getBoolean(int index) {
        return (Boolean) values[index];
    }

    /** The value in PostgreSQL's text form, as psql would print it, or {@code null}. */
    public String getText(int index) {
        Column column = columns.get(index);
        if (column.isVector() && values[index] instanceof java.util.List<?> elements) {
            // int2vector / oidvector print as PostgreSQL does: "1 2", not "{1,2}"
            StringBuilder text = new StringBuilder();
            for (Object e : elements) {
                text.append(text.length() == 0 ? "" : " ").append(e);
            }
            return text.toString();
        }
        return column.type().format(values[index]);
    }

    /** A copy of the values. */
    public Object[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
