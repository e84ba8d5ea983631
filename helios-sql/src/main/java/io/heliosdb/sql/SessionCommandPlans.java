package io.heliosdb.sql;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ast.Copy;
import io.heliosdb.sql.ast.CursorStatement;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.Insert;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.parse.SqlParser;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Plans COPY and the cursor statements: the rows they move are planned as an ordinary INSERT or query. */
final class SessionCommandPlans {

    private SessionCommandPlans() {
    }

    static StatementPlan plan(Statement ast, String sql, SchemaLookup schema) {
        if (ast instanceof Copy copy) {
            return copy(copy, sql, schema);
        }
        CursorStatement cursor = (CursorStatement) ast;
        CursorCommand command;
        if (cursor instanceof CursorStatement.Declare d) {
            StatementPlan query = SqlEngine.planAst(d.query(), sql, schema, List.of());
            command = new CursorCommand(CursorCommand.Kind.DECLARE, d.name(), d.hold(), 0, query);
        } else if (cursor instanceof CursorStatement.Fetch f) {
            command = new CursorCommand(f.move() ? CursorCommand.Kind.MOVE : CursorCommand.Kind.FETCH, f.name(), false,
                    f.count(), null);
        } else {
            command = new CursorCommand(CursorCommand.Kind.CLOSE, ((CursorStatement.Close) cursor).name(), false, 0, null);
        }
        return new CommandPlan(sql, List.of(), null, command);
    }

    private static StatementPlan copy(Copy copy, String sql, SchemaLookup schema) {
        if (copy.file() != null) {
            String role = copy.from() ? "pg_read_server_files" : "pg_write_server_files";
            throw new HeliosException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser or have privileges of the "
                    + role + " role to COPY " + (copy.from() ? "from" : "to") + " a file", null,
                    "Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone.", 0, null);
        }
        CopyFormat format = format(copy.options(), copy.from());
        if (copy.query() != null) {
            StatementPlan query = SqlEngine.planAst(copy.query(), sql, schema, List.of());
            return new CommandPlan(sql, List.of(), new CopyCommand(false, null, query.columns(), format, query), null);
        }
        TableDef table = schema.table(copy.table().name()).orElseThrow(() -> new HeliosException(
                SqlState.UNDEFINED_TABLE, "relation \"" + copy.table().name() + "\" does not exist"));
        List<String> names = copy.columns().isEmpty()
                ? table.columns().stream().map(ColumnDef::name).toList() : copy.columns();
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            ColumnDef def = table.columns().stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + name
                            + "\" of relation \"" + table.name() + "\" does not exist"));
            columns.add(new Column(def.name(), def.type(), def.typmod()));
        }
        StatementPlan rows;
        if (copy.from()) {
            List<Expr> params = new ArrayList<>();
            for (int i = 1; i <= names.size(); i++) {
                params.add(new Expr.Param(i, 0));
            }
            rows = SqlEngine.planAst(new Insert(copy.table(), names, List.of(params), null, List.of()), sql, schema,
                    columns.stream().map(Column::type).toList());
        } else {
            String select = "SELECT " + names.stream().map(SessionCommandPlans::quote).collect(Collectors.joining(", "))
                    + " FROM " + quote(table.name());
            ParsedStatement parsed = SqlParser.parseScript(select).get(0);
            rows = SqlEngine.planAst((Statement) parsed.ast(), select, schema, List.of());
        }
        return new CommandPlan(sql, List.of(), new CopyCommand(copy.from(), table.name(), columns, format, rows), null);
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** PostgreSQL's COPY options, new and old syntax alike (FREEZE is accepted and changes nothing here). */
    private static CopyFormat format(List<Copy.Option> options, boolean from) {
        boolean csv = false;
        Character delimiter = null;
        String nullString = null;
        Character quote = null;
        Character escape = null;
        boolean header = false;
        for (Copy.Option option : options) {
            String value = option.value();
            switch (option.name()) {
                case "format" -> {
                    String kind = value == null ? "" : value.toLowerCase(Locale.ROOT);
                    if (kind.equals("binary")) {
                        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY format \"binary\" is not supported");
                    } else if (!kind.equals("csv") && !kind.equals("text")) {
                        throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "COPY format \"" + value
                                + "\" not recognized");
                    }
                    csv = kind.equals("csv");
                }
                case "delimiter" -> delimiter = oneCharacter("delimiter", value);
                case "null" -> nullString = value == null ? "" : value;
                case "quote" -> quote = oneCharacter("quote", value);
                case "escape" -> escape = oneCharacter("escape", value);
                case "header" -> header = bool(option);
                case "freeze", "oids" -> bool(option);
                case "encoding" -> {
                    String encoding = value == null ? "" : value.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
                    if (!encoding.equals("utf8") && !encoding.equals("unicode")) {
                        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY encoding \"" + value
                                + "\" is not supported; the stream is UTF8");
                    }
                }
                default -> throw new HeliosException(SqlState.SYNTAX_ERROR, "option \"" + option.name()
                        + "\" not recognized");
            }
        }
        if (!csv && quote != null) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode");
        }
        if (!csv && escape != null) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY escape available only in CSV mode");
        }
        char d = delimiter != null ? delimiter : csv ? ',' : '\t';
        if (d == '\r' || d == '\n' || (!csv && d == '\\')) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "COPY delimiter cannot be newline, carriage"
                    + " return or backslash");
        }
        char q = quote != null ? quote : '"';
        if (csv && d == q) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "COPY delimiter and quote must be different");
        }
        return new CopyFormat(csv, d, nullString != null ? nullString : csv ? "" : "\\N", q,
                escape != null ? escape : q, header);
    }

    private static char oneCharacter(String what, String value) {
        if (value == null || value.length() != 1) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY " + what
                    + " must be a single one-byte character");
        }
        return value.charAt(0);
    }

    private static boolean bool(Copy.Option option) {
        String value = option.value() == null ? "true" : option.value().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw new HeliosException(SqlState.SYNTAX_ERROR, option.name()
                    + " requires a Boolean value");
        };
    }

    /** A statement the kernel's session runs itself; it is never executed as a plan. */
    private record CommandPlan(String sql, List<Column> columns, CopyCommand copyCommand, CursorCommand cursorCommand)
            implements StatementPlan {

        @Override
        public List<SqlType> parameterTypes() {
            return List.of();
        }

        @Override
        public TransactionCommand transactionCommand() {
            return null;
        }

        @Override
        public boolean readOnly() {
            return copyCommand == null || !copyCommand.from();
        }

        @Override
        public boolean changesCatalog() {
            return false;
        }

        @Override
        public StatementResult execute(ExecutionContext context, Object[] params) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "this statement is run by the session");
        }
    }
}
