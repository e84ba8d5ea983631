package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.CreateView;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.parse.SqlParser;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Views at plan time: a view read in FROM is its stored query, analyzed there like a derived table. */
final class ViewAnalysis {
    /** Deeper nesting than this can only be a cycle made by CREATE OR REPLACE. */
    private static final int MAX_DEPTH = 100;
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private ViewAnalysis() {
    }

    /** The view's rows under the name the query gives it, with the view's columns. */
    static SelectAnalyzer.Source expand(SelectAnalyzer analyzer, SchemaLookup schema, TableName name, ViewDef view,
                                        ParameterTypes parameters) {
        int[] depth = DEPTH.get();
        if (depth[0] >= MAX_DEPTH) {
            throw new HeliosException(SqlState.INVALID_OBJECT_DEFINITION, "infinite recursion detected in rules for relation \""
                    + view.name() + "\"");
        }
        depth[0]++;
        LogicalPlan plan;
        try {
            plan = ColumnBindings.unwatched(() -> new SelectAnalyzer(schema.forViewBody(), parameters).analyze(parse(view)));
        } finally {
            depth[0]--;
        }
        List<Column> columns = plan.columns();
        int count = Math.min(columns.size(), view.columns().size());
        List<ColumnDef> defs = new ArrayList<>();
        List<BoundExpr> slots = new ArrayList<>();
        List<Column> outColumns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Column c = columns.get(i);
            String columnName = view.columns().get(i).name();
            defs.add(new ColumnDef(columnName, c.type(), c.typmod(), false, null));
            slots.add(new BoundExpr.ColumnSlot(i, c.type(), c.typmod(), columnName));
            outColumns.add(new Column(columnName, c.type(), c.typmod()));
        }
        if (count < columns.size()) {
            // A table under "SELECT *" gained columns since: the view keeps the columns it was made with.
            plan = new LogicalPlan.Project(plan, slots, outColumns);
        }
        String exposed = name.exposedName() != null ? name.exposedName() : name.name();
        return new SelectAnalyzer.Source(plan, Scope.of(exposed, new TableDef(0, exposed, defs, List.of())));
    }

    /** The table a statement writes: a view there is refused, since HeliosDB does not write through views. */
    static TableDef writeTarget(SchemaLookup schema, TableName name, String verb) {
        if (schema.table(name.name()).isEmpty() && schema.view(name.name()).isPresent()) {
            if (verb == null) {
                throw new HeliosException(SqlState.WRONG_OBJECT_TYPE, "\"" + name.name() + "\" is not a table");
            }
            throw new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cannot " + verb + " view \""
                    + name.name() + "\"", "HeliosDB does not write through views.", null, name.position() + 1, null);
        }
        return SelectAnalyzer.table(schema, name);
    }

    static Query parse(ViewDef view) {
        return (Query) SqlParser.parseScript(view.query()).get(0).ast();
    }

    /** CREATE [OR REPLACE] VIEW: the query analyzed now, for its columns and the relations it reads. */
    static BoundStatement.ViewCommand create(SchemaLookup schema, CreateView c) {
        RecordingLookup recording = new RecordingLookup(schema);
        LogicalPlan plan = new SelectAnalyzer(recording, new ParameterTypes(List.of())).analyze(c.query());
        List<Column> columns = plan.columns();
        if (c.columns().size() > columns.size()) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns");
        }
        List<ColumnDef> defs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            String columnName = i < c.columns().size() ? c.columns().get(i) : col.name();
            if (!seen.add(columnName)) {
                throw new HeliosException(SqlState.DUPLICATE_COLUMN, "column \"" + columnName + "\" specified more than once");
            }
            // An unknown-typed literal column becomes text, as in PostgreSQL 15.
            io.heliosdb.api.SqlType type = col.type() == io.heliosdb.api.SqlType.UNKNOWN ? io.heliosdb.api.SqlType.TEXT
                    : col.type();
            if (type == io.heliosdb.api.SqlType.RECORD && !CompositeTypes.isComposite(type, col.typmod())) {
                throw io.heliosdb.sql.types.Errors.pseudoType(columnName);
            }
            defs.add(new ColumnDef(columnName, type, col.typmod(), false, null));
        }
        List<String> dependsOn = new ArrayList<>(recording.read);
        String name = schema.creationName(c.name());
        if (reaches(schema, dependsOn, name)) {
            throw new HeliosException(SqlState.INVALID_OBJECT_DEFINITION, "infinite recursion detected in rules for relation \""
                    + c.name() + "\"");
        }
        return new BoundStatement.ViewCommand(c, new ViewDef(0, name, defs,
                io.heliosdb.sql.parse.ViewNames.qualify(c.queryText(), n -> resolvedSchema(schema, n)), dependsOn));
    }

    /** The schema an unqualified relation name resolves to now, or null (not a stored table or view). */
    private static String resolvedSchema(SchemaLookup schema, String name) {
        Optional<TableDef> table = schema.table(name);
        if (table.isPresent() && table.get().id() > 0) {
            return io.heliosdb.sql.schema.QualifiedNames.schemaOf(table.get().name());
        }
        return schema.view(name).map(v -> io.heliosdb.sql.schema.QualifiedNames.schemaOf(v.name())).orElse(null);
    }

    /** Whether following views' dependencies from {@code start} reaches {@code target}. */
    private static boolean reaches(SchemaLookup schema, List<String> start, String target) {
        Deque<String> pending = new ArrayDeque<>(start);
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next)) {
                schema.view(next).ifPresent(v -> pending.addAll(v.dependsOn()));
            }
        }
        return false;
    }

    /** A lookup that notes the stored tables and views found through it (not those inside a view's body). */
    private static final class RecordingLookup implements SchemaLookup {
        private final SchemaLookup inner;
        final Set<String> read = new LinkedHashSet<>();

        RecordingLookup(SchemaLookup inner) {
            this.inner = inner;
        }

        @Override
        public Optional<TableDef> table(String name) {
            Optional<TableDef> found = inner.table(name);
            found.filter(t -> t.id() > 0).ifPresent(t -> read.add(t.name()));
            return found;
        }

        @Override
        public Optional<ViewDef> view(String name) {
            Optional<ViewDef> found = inner.view(name);
            found.ifPresent(v -> read.add(v.name()));
            return found;
        }

        @Override
        public Optional<io.heliosdb.sql.schema.IndexDef> index(String name) {
            return inner.index(name);
        }

        @Override
        public List<io.heliosdb.sql.schema.IndexDef> indexes(String table) {
            return inner.indexes(table);
        }

        @Override
        public List<io.heliosdb.sql.schema.IndexDef> accessPaths(TableDef table) {
            return inner.accessPaths(table);
        }

        @Override
        public List<TableDef> tables() {
            return inner.tables();
        }

        @Override
        public List<ViewDef> views() {
            return inner.views();
        }

        @Override
        public Optional<io.heliosdb.sql.schema.SchemaDef> schema(String name) {
            return inner.schema(name);
        }

        @Override
        public Optional<io.heliosdb.sql.schema.TypeDef> compositeType(String name) {
            return inner.compositeType(name);
        }

        @Override
        public List<io.heliosdb.sql.schema.TypeDef> compositeTypes() {
            return inner.compositeTypes();
        }

        @Override
        public List<io.heliosdb.sql.schema.SchemaDef> schemas() {
            return inner.schemas();
        }

        @Override
        public String creationName(String name) {
            return inner.creationName(name);
        }

        @Override
        public List<String> searchPathSchemas() {
            return inner.searchPathSchemas();
        }

        @Override
        public SchemaLookup forViewBody() {
            return inner;
        }
    }
}
