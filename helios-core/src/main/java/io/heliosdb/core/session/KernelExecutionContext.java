package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.monitor.QueryMetrics;
import io.heliosdb.core.txn.SequenceCounters;
import io.heliosdb.core.txn.TableRows;
import io.heliosdb.sql.schema.SequenceDef;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.RoleDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.Optional;

/**
 * What one statement's executor sees of the kernel: its transaction's tables (with the read-only
 * system views behind them), the session settings, its deadline. Counts the rows it reads and writes.
 */
final class KernelExecutionContext implements ExecutionContext {
    private final TableRows tables;
    private final SessionSettings settings;
    private final long deadlineNanos;
    private StatementDeadline currentDeadline;
    private final StatementCancel cancel;
    private final SystemViews views;
    private final QueryMetrics metrics;
    private final SequenceSessionValues sequenceValues;
    private final SequenceCounters counters;
    private final int pid;
    private java.util.function.Consumer<io.heliosdb.api.Notice> notices = notice -> { };
    private java.time.LocalDateTime transactionStarted;
    private java.time.LocalDateTime statementStarted;
    /** What scan, lookup and indexScan read through: {@link #tables}, or its frozen copy (see frozenReads). */
    private TableRows rowReads;

    KernelExecutionContext(TableRows tables, SessionSettings settings, long deadlineNanos, StatementCancel cancel,
                           SystemViews views, QueryMetrics metrics, SequenceSessionValues sequenceValues,
                           SequenceCounters counters, int pid) {
        this.sequenceValues = sequenceValues;
        this.counters = counters;
        this.pid = pid;
        this.tables = tables;
        this.rowReads = tables;
        this.settings = settings;
        this.deadlineNanos = deadlineNanos;
        this.cancel = cancel;
        this.views = views;
        this.metrics = metrics;
    }

    @Override
    public java.util.concurrent.Executor parallelWorkers() {
        return tables.parallelWorkers();
    }

    @Override
    public ExecutionContext frozenReads() {
        KernelExecutionContext frozen = new KernelExecutionContext(tables, settings, deadlineNanos, cancel, views,
                metrics, sequenceValues, counters, pid);
        frozen.currentDeadline = currentDeadline;
        frozen.notices = notices;
        frozen.transactionStarted = transactionStarted;
        frozen.statementStarted = statementStarted;
        frozen.cursors = cursors;
        frozen.modes = modes;
        frozen.rowReads = tables.frozenReads();
        return frozen;
    }

    /** A cursor's plan: its deadline is that of the statement running now (each FETCH), not of its DECLARE. */
    KernelExecutionContext deadline(StatementDeadline current) {
        this.currentDeadline = current;
        return this;
    }

    /** The session's cursors, for WHERE CURRENT OF (null: none, as for a cursor's own plan). */
    KernelExecutionContext cursors(SessionCursors open) {
        this.cursors = open;
        return this;
    }

    private SessionCursors cursors;
    /** The session's rules for the transaction-mode settings (null: set them as any other setting). */
    private TransactionModes modes;

    /** Where SET and set_config() of a transaction mode go (see {@link TransactionModes}). */
    KernelExecutionContext modes(TransactionModes rules) {
        this.modes = rules;
        return this;
    }

    @Override
    public RowCursor currentOf(String cursor, TableDef table) {
        if (cursors == null) {
            throw new HeliosException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + cursor + "\" does not exist");
        }
        refuseView(table);
        byte[] key = cursors.currentRowKey(cursor, table);
        return new CountingCursor(rowReads.rowByKey(table, key));
    }

    /** Where {@link #notice} sends its messages (the session's listener). */
    KernelExecutionContext notices(java.util.function.Consumer<io.heliosdb.api.Notice> listener) {
        this.notices = listener;
        return this;
    }

    /** When the transaction and the statement began, in UTC (now() and statement_timestamp()); null: the clock. */
    KernelExecutionContext timestamps(java.time.LocalDateTime transaction, java.time.LocalDateTime statement) {
        this.transactionStarted = transaction;
        this.statementStarted = statement;
        return this;
    }

    @Override
    public void notice(String message) {
        notices.accept(io.heliosdb.api.Notice.notice(message));
    }

    @Override
    public void notice(io.heliosdb.api.SqlState state, String message) {
        notices.accept(new io.heliosdb.api.Notice("NOTICE", state.code(), message));
    }

    @Override
    public java.time.LocalDateTime transactionTimestamp() {
        return transactionStarted != null ? transactionStarted : ExecutionContext.super.transactionTimestamp();
    }

    @Override
    public java.time.LocalDateTime statementTimestamp() {
        return statementStarted != null ? statementStarted : transactionTimestamp();
    }

    @Override
    public void setLocalSetting(String name, String value) {
        if (name.equalsIgnoreCase(SystemViews.MODE_SETTING)) {
            setSetting(name, value); // refused the same way
        }
        if (modes != null && TransactionModes.handles(name)) {
            modes.set(name, value, true);
            return;
        }
        settings.setLocal(name, value);
        searchPath = null;
    }

    @Override
    public Optional<TableDef> table(String name) {
        Optional<TableDef> stored = searchPath().resolve(name, tables::table);
        return stored.isPresent() || views == null ? stored : views.table(name);
    }

    @Override
    public Optional<io.heliosdb.sql.schema.ViewDef> view(String name) {
        return searchPath().resolve(name, n -> StoredViews.view(
                tables.objects().get(io.heliosdb.core.catalog.ObjectDefCodec.viewKey(n))));
    }

    /** The session's search_path over the schemas this statement sees (kept until a SET or schema DDL). */
    private SearchPath searchPath() {
        if (searchPath == null) {
            searchPath = SearchPath.of(settings.get("search_path"), io.heliosdb.sql.CurrentRole.of(settings::get),
                    this::schemaExists);
        }
        return searchPath;
    }

    private SearchPath searchPath;

    @Override
    public Optional<io.heliosdb.sql.schema.SchemaDef> schema(String name) {
        return StoredViews.schema(tables.objects().get(io.heliosdb.core.catalog.ObjectDefCodec.schemaKey(name)));
    }

    @Override
    public List<io.heliosdb.sql.schema.SchemaDef> schemas() {
        return StoredViews.schemas(tables.objects().all());
    }

    @Override
    public Optional<io.heliosdb.sql.schema.TypeDef> compositeType(String name) {
        return searchPath().resolve(name, n -> StoredViews.type(
                tables.objects().get(io.heliosdb.core.catalog.ObjectDefCodec.typeKey(n))));
    }

    @Override
    public List<io.heliosdb.sql.schema.TypeDef> compositeTypes() {
        return StoredViews.types(tables.objects().all());
    }

    @Override
    public List<String> searchPathSchemas() {
        return searchPath().schemas();
    }

    @Override
    public String creationName(String name) {
        return searchPath().creationName(name);
    }

    /** 3F000 when a created object's schema does not exist. */
    private void requireSchema(String catalogName) {
        String schema = io.heliosdb.sql.schema.QualifiedNames.schemaOf(catalogName);
        if (!schemaExists(schema)) {
            throw new HeliosException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
    }

    @Override
    public List<io.heliosdb.sql.schema.ViewDef> views() {
        return StoredViews.views(tables.objects().all());
    }

    @Override
    public io.heliosdb.sql.DefinitionCatalog definitions() {
        return new StoredViews(tables.objects()) {
            @Override
            public io.heliosdb.sql.schema.ViewDef putView(io.heliosdb.sql.schema.ViewDef view) {
                requireSchema(view.name());
                return super.putView(view);
            }

            @Override
            public io.heliosdb.sql.schema.TypeDef putType(io.heliosdb.sql.schema.TypeDef type) {
                requireSchema(type.name());
                return super.putType(type);
            }

            @Override
            public io.heliosdb.sql.schema.SchemaDef putSchema(io.heliosdb.sql.schema.SchemaDef schema) {
                searchPath = null;
                return super.putSchema(schema);
            }

            @Override
            public void dropSchema(io.heliosdb.sql.schema.SchemaDef schema) {
                searchPath = null;
                super.dropSchema(schema);
            }
        };
    }

    @Override
    public TableDef createTable(TableDef definition) {
        if (views != null && SystemViews.isViewName(definition.name())) {
            throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + definition.name() + "\" already exists");
        }
        requireSchema(definition.name());
        return tables.createTable(definition);
    }

    @Override
    public void dropTable(TableDef table) {
        refuseView(table);
        tables.dropTable(table);
    }

    @Override
    public Optional<IndexDef> index(String name) {
        return searchPath().resolve(name, tables::index).map(StoredIndex::definition);
    }

    @Override
    public List<IndexDef> indexes(String table) {
        return tables.indexes(table).stream().map(StoredIndex::definition).toList();
    }

    @Override
    public void createIndex(IndexDef index) {
        if (views != null && SystemViews.isViewName(index.name())) {
            throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + index.name() + "\" already exists");
        }
        table(index.table()).ifPresent(KernelExecutionContext::refuseView);
        requireSchema(index.name() != null ? index.name() : index.table());
        tables.createIndex(index);
    }

    @Override
    public void dropIndex(IndexDef index) {
        tables.index(index.name()).ifPresent(tables::dropIndex);
    }

    @Override
    public RowCursor indexScan(IndexDef index, Object[] lower, boolean lowerInclusive, Object[] upper,
                               boolean upperInclusive, boolean reverse) {
        return new CountingCursor(rowReads.indexScan(index, lower, lowerInclusive, upper, upperInclusive, reverse));
    }

    @Override
    public RowCursor scan(TableDef table) {
        return new CountingCursor(SystemViews.isView(table) ? views.scan(table, this::catalogObjects) : rowReads.scan(table));
    }

    @Override
    public RowCursor scan(TableDef table, boolean[] columns) {
        return SystemViews.isView(table) ? scan(table) : new CountingCursor(rowReads.scan(table, columns));
    }

    @Override
    public io.heliosdb.sql.ColumnBatchCursor scanBatches(TableDef table, boolean[] columns) {
        return SystemViews.isView(table) ? null : rowReads.scanBatches(table, columns, metrics::rowsRead);
    }

    @Override
    public io.heliosdb.sql.SystemCatalog systemCatalog() {
        return new KernelSystemCatalog(this::catalogObjects, tables.sizes());
    }

    /** What the pg_catalog views show to this statement. */
    private CatalogObjects catalogObjects() {
        String user = io.heliosdb.sql.CurrentRole.of(settings::get);
        return new CatalogObjects(tables.tables(), tables.allIndexes(), roleInfos(),
                views != null ? views.database() : "heliosdb", user, pid,
                settings.all(), views(), StoredViews.comments(tables.objects().all()), tables.sequences().all(), schemas(),
                compositeTypes());
    }

    /** The stored roles, and the bootstrap superuser unless it is stored too (after an ALTER ROLE), by OID. */
    private List<CatalogObjects.RoleInfo> roleInfos() {
        List<RoleDef> roles = new java.util.ArrayList<>(tables.roles().roles());
        if (roles.stream().noneMatch(RoleDef::bootstrap)) {
            roles.add(bootstrapRole());
        }
        return roles.stream().map(CatalogObjects.RoleInfo::of)
                .sorted(java.util.Comparator.comparingInt(CatalogObjects.RoleInfo::oid)).toList();
    }

    private RoleDef bootstrapRole() {
        String name = views != null ? views.bootstrapUser() : KernelRoles.DEFAULT_BOOTSTRAP_USER;
        return KernelRoles.bootstrap(name);
    }

    @Override
    public Optional<RoleDef> role(String name) {
        Optional<RoleDef> stored = tables.roles().role(name);
        if (stored.isPresent()) {
            return stored;
        }
        RoleDef bootstrap = bootstrapRole();
        return bootstrap.name().equals(name) ? Optional.of(bootstrap) : Optional.empty();
    }

    @Override
    public List<RoleDef> roles() {
        List<RoleDef> roles = new java.util.ArrayList<>(tables.roles().roles());
        if (roles.stream().noneMatch(RoleDef::bootstrap)) {
            roles.add(bootstrapRole());
        }
        return roles;
    }

    @Override
    public RoleDef createRole(RoleDef role) {
        return tables.roles().create(role);
    }

    @Override
    public void alterRole(RoleDef role) {
        tables.roles().replace(role);
    }

    @Override
    public void dropRole(RoleDef role) {
        tables.roles().drop(role);
    }

    @Override
    public RowCursor lookup(TableDef table, Object[] key) {
        if (SystemViews.isView(table)) {
            throw new HeliosException(SqlState.INTERNAL_ERROR, "system view \"" + table.name() + "\" has no key");
        }
        return new CountingCursor(rowReads.lookup(table, key));
    }

    @Override
    public void insert(TableDef table, Object[] row) {
        refuseView(table);
        tables.insert(table, row);
        metrics.rowsWritten(1);
    }

    @Override
    public void update(TableDef table, byte[] rowKey, Object[] newRow) {
        refuseView(table);
        byte[] newKey = tables.update(table, rowKey, newRow);
        metrics.rowsWritten(1);
        if (cursors != null && newKey != rowKey && !cursors.isEmpty() && !java.util.Arrays.equals(newKey, rowKey)) {
            cursors.rowKeyChanged(table, rowKey, newKey); // a cursor on the row follows it (WHERE CURRENT OF)
        }
    }

    @Override
    public void delete(TableDef table, byte[] rowKey) {
        refuseView(table);
        tables.delete(table, rowKey);
        metrics.rowsWritten(1);
    }

    @Override
    public List<TableDef> tables() {
        return tables.tables();
    }

    @Override
    public RowCursor lockConflicting(TableDef table, IndexDef arbiter, Object[] row) {
        refuseView(table);
        return tables.lockConflicting(table, arbiter, row);
    }

    @Override
    public boolean lockRow(TableDef table, byte[] rowKey, io.heliosdb.sql.RowLockMode mode,
                           io.heliosdb.sql.RowLockWait wait) {
        // System views have no stored rows to lock; their rows are read as they are.
        return SystemViews.isView(table) || tables.lockForSelect(table, rowKey, mode, wait);
    }

    @Override
    public io.heliosdb.sql.RowLockOutcome lockRowRechecking(TableDef table, byte[] rowKey,
                                                            io.heliosdb.sql.RowLockMode mode,
                                                            io.heliosdb.sql.RowLockWait wait) {
        if (!recheckChangedRows || SystemViews.isView(table)) {
            return ExecutionContext.super.lockRowRechecking(table, rowKey, mode, wait);
        }
        return tables.lockForCursor(table, rowKey, mode, wait);
    }

    @Override
    public Object[] newestRow(TableDef table, byte[] rowKey) {
        return tables.newestRow(table, rowKey);
    }

    /** A READ COMMITTED cursor's plan re-checks rows changed since DECLARE instead of restarting (it cannot). */
    KernelExecutionContext recheckChangedRows() {
        this.recheckChangedRows = true;
        return this;
    }

    private boolean recheckChangedRows;

    @Override
    public boolean lockReferenced(TableDef parent, List<Integer> columns, Object[] values) {
        refuseView(parent);
        return tables.lockReferenced(parent, columns, values);
    }

    @Override
    public RowCursor scanNewest(TableDef table) {
        refuseView(table);
        return new CountingCursor(tables.scanNewest(table));
    }

    @Override
    public TableDef alterTable(TableDef old, TableDef replacement, java.util.function.UnaryOperator<Object[]> rows,
                               java.util.function.IntUnaryOperator columnMap) {
        refuseView(old);
        if (views != null && SystemViews.isViewName(replacement.name())) {
            throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + replacement.name() + "\" already exists");
        }
        return tables.alterTable(old, replacement, rows, columnMap);
    }

    @Override
    public String setting(String name) {
        if (views != null && name.equalsIgnoreCase(SystemViews.MODE_SETTING)) {
            return views.mode();
        }
        return settings.get(name);
    }

    @Override
    public void setSetting(String name, String value) {
        if (name.equalsIgnoreCase(SystemViews.MODE_SETTING)) {
            throw new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "parameter \"" + SystemViews.MODE_SETTING + "\" cannot be changed",
                    null, "The mode follows from the configuration and the modules found at start-up.", 0, null);
        }
        if (modes != null && TransactionModes.handles(name)) {
            modes.set(name, value, false);
            return;
        }
        settings.set(name, value);
        searchPath = null;
    }

    @Override
    public Optional<SequenceDef> sequence(String name) {
        return searchPath().resolve(name, tables.sequences()::sequence);
    }

    @Override
    public List<SequenceDef> sequences() {
        return tables.sequences().all();
    }

    @Override
    public List<SequenceDef> ownedSequences(String table) {
        return tables.sequences().ownedBy(table);
    }

    @Override
    public SequenceDef createSequence(SequenceDef definition) {
        if (tables.table(definition.name()).isPresent() || tables.index(definition.name()).isPresent()
                || views != null && SystemViews.isViewName(definition.name())) {
            throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + definition.name() + "\" already exists");
        }
        requireSchema(definition.name());
        return tables.sequences().create(definition);
    }

    @Override
    public void alterSequence(SequenceDef definition, Long restartWith) {
        tables.sequences().replace(definition);
        if (restartWith != null) {
            counters().set(definition, restartWith, false);
        }
    }

    @Override
    public void dropSequence(SequenceDef definition) {
        tables.sequences().drop(definition);
    }

    @Override
    public long nextval(String name) {
        SequenceDef sequence = existingSequence(name);
        long value = counters().next(sequence);
        sequenceValues.record(sequence, value);
        return value;
    }

    @Override
    public long currval(String name) {
        return sequenceValues.currval(existingSequence(name));
    }

    @Override
    public long setval(String name, long value, boolean isCalled) {
        return counters().set(existingSequence(name), value, isCalled);
    }

    @Override
    public long lastval() {
        SequenceDef last = sequenceValues.lastSequence();
        SequenceDef now = tables.sequences().sequence(last.name()).filter(s -> s.id() == last.id())
                .orElseThrow(() -> new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                        "lastval is not yet defined in this session"));
        return sequenceValues.currval(now);
    }

    private SequenceDef existingSequence(String name) {
        return sequence(name).orElseThrow(() -> new HeliosException(SqlState.UNDEFINED_TABLE,
                "relation \"" + name + "\" does not exist"));
    }

    private SequenceCounters counters() {
        if (counters == null) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This session does not support sequences");
        }
        return counters;
    }

    @Override
    public void checkCancelled() {
        if (cancel.requested()) {
            throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
        long deadline = currentDeadline != null ? currentDeadline.nanos() : deadlineNanos;
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
        }
    }

    private static void refuseView(TableDef table) {
        if (SystemViews.isView(table)) {
            throw SystemViews.readOnly(table);
        }
    }

    /**
     * Adds the rows the executor pulls to the rows-read counter: counted locally and added in
     * batches (and at the end and on close), so a scan does not touch the shared counter per row.
     */
    private final class CountingCursor implements RowCursor {
        private static final int BATCH = 1024;
        private final RowCursor rows;
        private int pending;

        CountingCursor(RowCursor rows) {
            this.rows = rows;
        }

        @Override
        public boolean next() {
            boolean more = rows.next();
            if (more) {
                if (++pending == BATCH) {
                    flush();
                }
            } else {
                flush();
            }
            return more;
        }

        private void flush() {
            if (pending > 0) {
                metrics.rowsRead(pending);
                pending = 0;
            }
        }

        @Override
        public Object[] row() {
            return rows.row();
        }

        @Override
        public byte[] rowKey() {
            return rows.rowKey();
        }

        @Override
        public void close() {
            flush();
            rows.close();
        }
    }
}
