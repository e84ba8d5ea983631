package io.heliosdb.sql.ast;

import java.util.List;

/** {@code VALUES (...), (...)} used as a query; its columns are column1, column2, ... */
public record ValuesQuery(List<List<Expr>> rows, List<Select.OrderItem> orderBy, Expr limit, Expr offset)
        implements Query {
}
