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
            if (d.scroll() == null) {
                throw new HeliosException(SqlState.INVALID_CURSOR_DEFINITION, "cannot specify both SCROLL and NO SCROLL");
            }
            // Planned with the row keys WHERE CURRENT OF needs where the query reads tables simply.
            io.heliosdb.sql.analyze.CursorQueries.Analyzed analyzed = io.heliosdb.sql.analyze.CursorQueries.analyze(schema,
                    d.query());
            io.heliosdb.sql.analyze.BoundStatement bound = io.heliosdb.sql.plan.Planner.optimize(analyzed.statement(), schema);
            if (d.query() instanceof io.heliosdb.sql.ast.LockedQuery locked) {
                refuseLockingCursor(d, locked.locking().clauses().get(0).mode());
            }
            StatementPlan query = io.heliosdb.sql.exec.StatementCompiler.compile(bound, sql, analyzed.parameterTypes());
            command = new CursorCommand(CursorCommand.Kind.DECLARE, d.name(), d.hold(), 0, query,
                    CursorCommand.Direction.FORWARD, CursorScrollability.resolve(d.scroll(), bound), analyzed.rowKeys());
        } else if (cursor instanceof CursorStatement.Fetch f) {
            command = new CursorCommand(f.move() ? CursorCommand.Kind.MOVE : CursorCommand.Kind.FETCH, f.name(), false,
                    f.count(), null, f.direction(), CursorCommand.Scroll.DEFAULT);
        } else {
            command = new CursorCommand(CursorCommand.Kind.CLOSE, ((CursorStatement.Close) cursor).name(), false, 0, null);
        }
        return new CommandPlan(sql, List.of(), null, command);
    }

    /** A cursor FOR UPDATE/SHARE locks the rows FETCH reaches, so it can neither outlive its transaction nor go back. */
    private static void refuseLockingCursor(CursorStatement.Declare d, RowLockMode mode) {
        if (d.hold()) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "DECLARE CURSOR WITH HOLD ... " + mode.sql()
                    + " is not supported", "Holdable cursors must be READ ONLY.", null, 0, null);
        }
        if (d.scroll() == CursorCommand.Scroll.SCROLL) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "DECLARE SCROLL CURSOR ... " + mode.sql()
                    + " is not supported", "Scrollable cursors must be READ ONLY.", null, 0, null);
        }
    }

    private static StatementPlan copy(Copy copy, String sql, SchemaLookup schema) {
        if (copy.file() != null) {
            String role = copy.from() ? "pg_read_server_files" : "pg_write_server_files";
            throw new HeliosException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser or have privileges of the "
                    + role + " role to COPY " + (copy.from() ? "from" : "to") + " a file", null,
                    "Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone.", 0, null);
        }
        format(copy.options(), copy.from(), null, null); // option errors come before naming errors, as in PostgreSQL
        if (copy.query() != null) {
            StatementPlan query = SqlEngine.planAst(copy.query(), sql, schema, List.of());
            CopyFormat format = format(copy.options(), copy.from(), query.columns().stream().map(Column::name).toList(),
                    null);
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
        CopyFormat format = format(copy.options(), copy.from(), names, table);
        StatementPlan rows;
        if (copy.from() && copy.where() != null) {
            rows = filteredInsert(copy, names, columns, sql, schema);
        } else if (copy.from()) {
            List<Expr> params = new ArrayList<>();
            for (int i = 1; i <= names.size(); i++) {
                params.add(new Expr.Param(i, 0));
            }
            rows = SqlEngine.planAst(new Insert(copy.table(), names, List.of(params), null, List.of()), sql, schema,
                    copyParameterTypes(columns));
        } else {
            String select = "SELECT " + names.stream().map(SessionCommandPlans::quote).collect(Collectors.joining(", "))
                    + " FROM " + quote(table.name());
            ParsedStatement parsed = SqlParser.parseScript(select).get(0);
            rows = SqlEngine.planAst((Statement) parsed.ast(), select, schema, List.of());
        }
        return new CommandPlan(sql, List.of(), new CopyCommand(copy.from(), table.name(), columns, format, rows), null);
    }

    /** COPY FROM ... WHERE: each row goes in through an INSERT ... SELECT that keeps it only when it passes. */
    private static StatementPlan filteredInsert(Copy copy, List<String> names, List<Column> columns, String sql,
                                                SchemaLookup schema) {
        String list = names.stream().map(SessionCommandPlans::quote).collect(Collectors.joining(", "));
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= names.size(); i++) {
            values.append(i == 1 ? "" : ", ").append('$').append(i);
        }
        String alias = copy.table().exposedName();
        String select = "SELECT * FROM (VALUES (" + values + ")) AS " + quote(alias) + " (" + list + ") WHERE "
                + copy.where();
        ParsedStatement parsed = SqlParser.parseScript(select).get(0);
        Insert insert = new Insert(copy.table(), names, null, (io.heliosdb.sql.ast.Query) parsed.ast(), List.of());
        return SqlEngine.planAst(insert, sql, schema, copyParameterTypes(columns));
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The encoding names PostgreSQL knows (folded as it folds them); only UTF8 is served here. */
    private static final java.util.Set<String> PG_ENCODINGS = java.util.Set.of("utf8", "unicode", "sqlascii", "big5",
            "euccn", "eucjp", "eucjis2004", "euckr", "euctw", "gb18030", "gbk", "iso88595", "iso88596", "iso88597",
            "iso88598", "johab", "koi8", "koi8r", "koi8u", "latin1", "latin2", "latin3", "latin4", "latin5", "latin6",
            "latin7", "latin8", "latin9", "latin10", "iso88591", "iso88592", "iso88593", "iso88594", "iso88599",
            "iso885910", "iso885913", "iso885914", "iso885915", "iso885916", "muleinternal", "sjis", "shiftjis",
            "shiftjis2004", "uhc", "win", "win866", "win874", "win1250", "win1251", "win1252", "win1253", "win1254",
            "win1255", "win1256", "win1257", "win1258", "windows866", "windows874", "windows1250", "windows1251",
            "windows1252", "windows1253", "windows1254", "windows1255", "windows1256", "windows1257", "windows1258",
            "alt", "abc", "tcvn", "tcvn5712", "vscii", "mskanji", "mswin");

    /** PostgreSQL's COPY options, new and old syntax alike (FREEZE is accepted and changes nothing here). */
    private static CopyFormat format(List<Copy.Option> options, boolean from, List<String> names, TableDef table) {
        boolean csv = false;
        boolean binary = false;
        Copy.Option forceQuote = null;
        Copy.Option forceNotNull = null;
        Copy.Option forceNull = null;
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
                    if (!kind.equals("csv") && !kind.equals("text") && !kind.equals("binary")) {
                        throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "COPY format \"" + value
                                + "\" not recognized");
                    }
                    csv = kind.equals("csv");
                    binary = kind.equals("binary");
                }
                case "force_quote" -> forceQuote = columnList(option);
                case "force_not_null" -> forceNotNull = columnList(option);
                case "force_null" -> forceNull = columnList(option);
                case "delimiter" -> delimiter = oneCharacter("delimiter", value);
                case "null" -> nullString = value == null ? "" : value;
                case "quote" -> quote = oneCharacter("quote", value);
                case "escape" -> escape = oneCharacter("escape", value);
                case "header" -> header = bool(option);
                case "freeze", "oids" -> bool(option);
                case "encoding" -> {
                    // PostgreSQL matches encoding names ignoring case and punctuation.
                    String encoding = value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                    if (!PG_ENCODINGS.contains(encoding)) {
                        throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                                "argument to option \"encoding\" must be a valid encoding name");
                    }
                    if (!encoding.equals("utf8") && !encoding.equals("unicode")) {
                        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY encoding \"" + value
                                + "\" is not supported; the stream is UTF8");
                    }
                }
                default -> throw new HeliosException(SqlState.SYNTAX_ERROR, "option \"" + option.name()
                        + "\" not recognized");
            }
        }
        if (binary && delimiter != null) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "cannot specify DELIMITER in BINARY mode");
        }
        if (binary && nullString != null) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "cannot specify NULL in BINARY mode");
        }
        if (binary && header) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "cannot specify HEADER in BINARY mode");
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
        forceOptionAllowed(forceQuote, "force quote", csv, !from, "COPY TO");
        forceOptionAllowed(forceNotNull, "force not null", csv, from, "COPY FROM");
        forceOptionAllowed(forceNull, "force null", csv, from, "COPY FROM");
        char q = quote != null ? quote : '"';
        if (csv && d == q) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "COPY delimiter and quote must be different");
        }
        return new CopyFormat(csv, d, nullString != null ? nullString : csv ? "" : "\\N", q,
                escape != null ? escape : q, header, binary, positions(forceQuote, "FORCE_QUOTE", names, table),
                positions(forceNotNull, "FORCE_NOT_NULL", names, table), positions(forceNull, "FORCE_NULL", names, table));
    }

    private static Copy.Option columnList(Copy.Option option) {
        if (option.columns().isEmpty()) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "argument to option \"" + option.name()
                    + "\" must be a list of column names");
        }
        return option;
    }

    private static void forceOptionAllowed(Copy.Option option, String what, boolean csv, boolean direction,
                                           String only) {
        if (option == null) {
            return;
        }
        if (!csv) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY " + what + " available only in CSV mode");
        }
        if (!direction) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY " + what + " only available using "
                    + only);
        }
    }

    /** The stream positions a FORCE_* option names ({@code *}: every column); {@code names} null: not yet known. */
    private static java.util.Set<Integer> positions(Copy.Option option, String what, List<String> names,
                                                    TableDef table) {
        if (option == null || names == null) {
            return java.util.Set.of();
        }
        java.util.Set<Integer> positions = new java.util.HashSet<>();
        for (String column : option.columns()) {
            if (column.equals("*") && option.columns().size() == 1) {
                for (int i = 0; i < names.size(); i++) {
                    positions.add(i);
                }
                continue;
            }
            int at = names.indexOf(column);
            if (at < 0) {
                if (table != null && table.columns().stream().noneMatch(c -> c.name().equals(column))) {
                    throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \""
                            + table.name() + "\" does not exist");
                }
                throw new HeliosException(SqlState.INVALID_COLUMN_REFERENCE, what + " column \"" + column
                        + "\" not referenced by COPY");
            }
            positions.add(at);
        }
        return positions;
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

    /** COPY FROM's parameter types: a composite column's text goes in untyped, read as the type by its assignment (record_in). */
    private static List<io.heliosdb.api.SqlType> copyParameterTypes(List<Column> columns) {
        return columns.stream().map(c -> c.isComposite() ? io.heliosdb.api.SqlType.UNKNOWN : c.type()).toList();
    }
}
