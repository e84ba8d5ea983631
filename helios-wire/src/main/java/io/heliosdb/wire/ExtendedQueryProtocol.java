package io.heliosdb.wire;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.wire.ErrorResponses.WireError;
import io.heliosdb.wire.protocol.BackendMessage;
import io.heliosdb.wire.protocol.FrontendMessage.Bind;
import io.heliosdb.wire.protocol.FrontendMessage.Close;
import io.heliosdb.wire.protocol.FrontendMessage.Describe;
import io.heliosdb.wire.protocol.FrontendMessage.Execute;
import io.heliosdb.wire.protocol.FrontendMessage.Parse;
import io.heliosdb.wire.protocol.PgBinaryCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The statements and portals of one connection and the Parse/Bind/Describe/Execute/Close messages. */
final class ExtendedQueryProtocol {
    /**
     * Whether pipelined Bind/Execute of one writing statement run as batches ({@link PipelinedBatch});
     * {@code -Dhelios.wire.pipelinedBatches=false} runs each Execute alone (read per connection, to compare the two).
     */
    static final String PIPELINED_BATCHES_PROPERTY = "helios.wire.pipelinedBatches";

    private final boolean pipelinedBatches =
            Boolean.parseBoolean(System.getProperty(PIPELINED_BATCHES_PROPERTY, "true"));
    private final Session session;
    private final PgOutput out;
    private final QueryCancellation cancellation;
    private final ImplicitTransaction implicit;
    private final CopyRunner copy;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    /** The portal stopped at a row limit whose result the session still holds open, or null. */
    private Portal suspended;
    /** Bind/Execute of the statement executed last, held back to run as one batch; null when none is armed. */
    private PipelinedBatch batch;
    /** The batch whose entries run now (its notices wait for their entries' answers), or null. */
    private PipelinedBatch running;

    /** Runs a COPY statement with the client's data stream; answers the rows copied. */
    @FunctionalInterface
    interface CopyRunner {
        long run(String sql, io.heliosdb.api.CopyDescription copy);
    }

    ExtendedQueryProtocol(Session session, PgOutput out, QueryCancellation cancellation,
                          ImplicitTransaction implicit, CopyRunner copy) {
        this.copy = copy;
        this.session = session;
        this.out = out;
        this.cancellation = cancellation;
        this.implicit = implicit;
    }

    void parse(Parse m) {
        if (batch != null && m.name().isEmpty() && batch.reparses(statements.get(""), m.sql(), m.parameterOids())) {
            // pgJDBC's one-shot batches parse the unnamed statement again for every row: the same text and types
            // give the same statement, so the held rows stay held and the statement is kept.
            batch.answer(new BackendMessage.ParseComplete());
            return;
        }
        runBatch();
        if (!m.name().isEmpty() && statements.containsKey(m.name())) {
            throw new WireError("42P05", "prepared statement \"" + m.name() + "\" already exists");
        }
        List<SqlType> declared = new ArrayList<>(m.parameterOids().length);
        for (int oid : m.parameterOids()) {
            declared.add(oid == 0 ? null : SqlType.ofOid(oid));
        }
        if (!m.sql().isBlank()) {
            detachSuspended(null);
        }
        var query = m.sql().isBlank() ? null : session.prepare(m.sql(), declared);
        PreparedStatement replaced = statements.put(m.name(), new PreparedStatement(m.sql(), query, m.parameterOids()));
        if (replaced != null) {
            replaced.close();
        }
        out.send(new BackendMessage.ParseComplete());
    }

    void bind(Bind m) {
        PreparedStatement statement = statements.get(m.statement());
        if (batch != null && statement != null && batch.joinsBind(statement, m.portal())) {
            Object[] values;
            try {
                values = parameterValues(statement, m);
            } catch (RuntimeException e) {
                runBatch();   // the rows bound before this one ran first, and their errors come first
                throw e;
            }
            closePortal(m.portal());
            batch.bind(values, m.resultFormats());
            return;
        }
        runBatch();   // before anything here can fail: the rows bound before this one come first
        statement = statement(m.statement());
        refuseUnlessEndingFailedBlock(statement);
        Object[] values = parameterValues(statement, m);
        if (!m.portal().isEmpty() && portals.containsKey(m.portal())) {
            throw new WireError("42P03", "cursor \"" + m.portal() + "\" already exists");
        }
        closePortal(m.portal());
        portals.put(m.portal(), new Portal(statement, values, m.resultFormats()));
        out.send(new BackendMessage.BindComplete());
    }

    /** Bind's parameter values, checked against the statement and decoded. */
    private static Object[] parameterValues(PreparedStatement statement, Bind m) {
        int count = statement.parameterCount();
        if (m.parameterValues().length != count) {
            throw new HeliosException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + m.parameterValues().length
                    + " parameters, but prepared statement \"" + m.statement() + "\" requires " + count);
        }
        short[] codes = m.parameterFormats();
        RowEncoder.checkFormatCount(codes, count, "Bind");
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            byte[] raw = m.parameterValues()[i];
            if (raw != null) {
                values[i] = RowEncoder.formatAt(codes, i) == 0
                        ? readText(statement, m.portal(), i, new String(raw, StandardCharsets.UTF_8))
                        : decodeBinary(statement, i, raw);
            }
        }
        return values;
    }

    /** A text parameter read as its type now, as PostgreSQL's Bind does: a value the type refuses fails the Bind. */
    private static Object readText(PreparedStatement statement, String portal, int index, String text) {
        if (statement.query() == null) {
            return text;
        }
        try {
            return statement.query().readTextParameter(index, text);
        } catch (HeliosException e) {
            // PostgreSQL's context line; the value itself is shown only with log_parameter_max_length_on_error > 0.
            throw e.withContext((portal.isEmpty() ? "unnamed portal" : "portal \"" + portal + "\"")
                    + " parameter $" + (index + 1) + " = '...'");
        }
    }

    private static Object decodeBinary(PreparedStatement statement, int index, byte[] raw) {
        SqlType type = statement.parameterType(index);
        if (type == null) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "binary format for parameter $" + (index + 1)
                    + " of type oid " + statement.parameterOid(index) + " is not supported");
        }
        return PgBinaryCodec.decode(type, raw);
    }

    void describe(Describe m) {
        if (batch != null && m.kind() == 'P' && batch.holdsBoundPortal(m.name())) {
            batch.answer(new BackendMessage.NoData());   // the statement returns no rows
            return;
        }
        if (batch != null && m.kind() == 'S' && statements.get(m.name()) == batch.statement) {
            batch.answer(parameterDescription(batch.statement));
            batch.answer(new BackendMessage.NoData());
            return;
        }
        runBatch();
        if (m.kind() == 'S') {
            PreparedStatement statement = statement(m.name());
            List<Column> columns = columns(statement);
            refuseRowsWhenFailed(columns);
            out.send(parameterDescription(statement));
            // The result formats are not chosen until Bind, so a statement describes its columns as text.
            describeColumns(columns, new short[0]);
        } else {
            Portal portal = portal(m.name());
            List<Column> columns = columns(portal.statement);
            refuseRowsWhenFailed(columns);
            if (columns.isEmpty()) {
                out.send(new BackendMessage.NoData());
            } else {
                out.send(portal.statement.frames().description(columns, portal.resultFormatCodes));
            }
        }
    }

    /** As PostgreSQL checks at Bind: in a failed block only a statement that ends it may be bound. */
    private void refuseUnlessEndingFailedBlock(PreparedStatement statement) {
        if (statement.query() != null && session.transactionStatus() == io.heliosdb.api.TransactionStatus.FAILED) {
            // In a failed block the session plans only what may run there (COMMIT, ROLLBACK, ROLLBACK TO): 25P02.
            session.prepare(statement.sql(), List.of()).close();
        }
    }

    /** As PostgreSQL, a failed block describes no statement that returns rows. */
    private void refuseRowsWhenFailed(List<Column> columns) {
        if (!columns.isEmpty() && session.transactionStatus() == io.heliosdb.api.TransactionStatus.FAILED) {
            throw aborted();
        }
    }

    private static HeliosException aborted() {
        return new HeliosException(SqlState.IN_FAILED_SQL_TRANSACTION,
                "current transaction is aborted, commands ignored until end of transaction block");
    }

    private static BackendMessage parameterDescription(PreparedStatement statement) {
        int[] oids = new int[statement.parameterCount()];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = statement.parameterOid(i);
        }
        return new BackendMessage.ParameterDescription(oids);
    }

    private static List<Column> columns(PreparedStatement statement) {
        return statement.query() == null ? List.of() : statement.query().columns();
    }

    private void describeColumns(List<Column> columns, short[] formatCodes) {
        if (columns.isEmpty()) {
            out.send(new BackendMessage.NoData());
        } else {
            out.send(RowEncoder.describe(columns, RowEncoder.resolveFormats(formatCodes, columns.size(), "Bind")));
        }
    }

    void execute(Execute m) {
        if (batch != null && batch.holdsBoundPortal(m.portal())) {
            batch.execute();
            if (batch.full()) {
                PipelinedBatch following = batch.next();
                runBatch();
                batch = following;
            }
            return;
        }
        runBatch();
        Portal portal = portal(m.portal());
        if (portal.statement.query() == null) {
            out.send(new BackendMessage.EmptyQueryResponse());
            return;
        }
        if (portal.completedTag != null) {
            out.send(new BackendMessage.CommandComplete(portal.completedTag));
            return;
        }
        if (portal.result != null && session.transactionStatus() == io.heliosdb.api.TransactionStatus.FAILED) {
            throw aborted();   // a portal suspended before the block failed reads on no more, as in PostgreSQL
        }
        boolean fresh = false;
        try {
            if (portal.result == null) {
                detachSuspended(portal);
                if (!portal.statement.query().readOnly()) {
                    implicit.beforeStatement();
                } else if (!portal.statement.query().columns().isEmpty()) {
                    implicit.beforeRead();   // a query needs no block (nothing to commit or undo) unless SERIALIZABLE
                }
                io.heliosdb.api.CopyDescription description = portal.statement.query().copy();
                if (description != null) {
                    // COPY in the extended protocol: CopyIn/OutResponse, the data, then CommandComplete "COPY n".
                    portal.completedTag = "COPY " + copy.run(portal.statement.sql(), description);
                    forget(portal);
                    out.send(new BackendMessage.CommandComplete(portal.completedTag));
                    implicit.afterStatement(portal.completedTag);
                    return;
                }
                portal.result = portal.statement.query().execute(portal.parameters);
                fresh = true;
            }
            streamRows(portal, m.maxRows());
        } catch (RuntimeException e) {
            // The session runs nothing else while a result is open, so a failed portal must let go of it.
            forget(portal);
            portal.close();
            implicit.afterStatement(null);
            throw e;
        }
        if (portal.completedTag != null) {
            implicit.afterStatement(portal.completedTag);
            if (fresh && pipelinedBatches && m.portal().isEmpty()) {
                batch = PipelinedBatch.after(portal.statement, portal.completedTag);
            }
        }
    }

    /**
     * Whether a notice the session raised now belongs to a batch's entry, held to go out with that entry's
     * answers (false: send it now).
     */
    boolean holdsNotice(BackendMessage notice) {
        PipelinedBatch batch = running;
        if (batch == null) {
            return false;
        }
        batch.notice(notice);
        return true;
    }

    /** Whether Bind/Execute messages are held back to run as one batch ({@link #runBatch} runs them). */
    boolean holdsBatch() {
        return batch != null;
    }

    /**
     * Runs the Bind/Execute messages held back and sends their answers; called before any message that does not
     * join them is handled. A failing entry's error is thrown after the answers of the messages before it.
     */
    void runBatch() {
        PipelinedBatch held = batch;
        if (held == null) {
            return;
        }
        batch = null;
        Portal unnamed;
        running = held;
        try {
            unnamed = held.run(out, cancellation::check);
        } catch (RuntimeException e) {
            implicit.afterStatement(null);
            throw e;
        } finally {
            running = null;
        }
        if (unnamed != null) {
            closePortal("");
            portals.put("", unnamed);
            if (unnamed.completedTag != null) {
                implicit.afterStatement(unnamed.completedTag);
            }
        }
    }

    private void streamRows(Portal portal, int maxRows) {
        QueryResult result = portal.result;
        short[] formats = RowEncoder.resolveFormats(portal.resultFormatCodes, result.columns().size(), "Bind");
        long sent = 0;
        while (maxRows <= 0 || sent < maxRows) {
            cancellation.check();
            if (!result.next()) {
                portal.completedTag = result.commandTag();
                forget(portal);
                portal.close();
                out.send(portal.statement.frames().commandComplete(portal.completedTag));
                return;
            }
            out.send(RowEncoder.encode(result.row(), formats));
            sent++;
        }
        if (!(result instanceof DetachedResult)) {
            suspended = portal;
        }
        out.send(new BackendMessage.PortalSuspended());
    }

    /**
     * Before the session runs anything else: reads the rest of a suspended portal (other than
     * {@code keep}) into memory, because starting the next statement would close its result.
     */
    void detachSuspended(Portal keep) {
        Portal portal = suspended;
        if (portal == null || portal == keep) {
            return;
        }
        suspended = null;
        if (portal.result != null) {
            portal.result = DetachedResult.drain(portal.result);
        }
    }

    private void forget(Portal portal) {
        if (suspended == portal) {
            suspended = null;
        }
    }

    void close(Close m) {
        runBatch();
        if (m.kind() == 'S') {
            PreparedStatement statement = statements.remove(m.name());
            if (statement != null) {
                statement.close();
            }
        } else {
            closePortal(m.name());
        }
        out.send(new BackendMessage.CloseComplete());
    }

    /** At the end of a transaction every portal goes away, as in PostgreSQL. */
    void closePortals() {
        suspended = null;
        portals.values().forEach(Portal::close);
        portals.clear();
    }

    void closeAll() {
        batch = null;   // the connection is gone: nobody waits for these rows
        closePortals();
        statements.values().forEach(PreparedStatement::close);
        statements.clear();
    }

    private void closePortal(String name) {
        Portal portal = portals.remove(name);
        if (portal != null) {
            forget(portal);
            portal.close();
        }
    }

    private PreparedStatement statement(String name) {
        PreparedStatement statement = statements.get(name);
        if (statement == null) {
            throw new HeliosException(SqlState.INVALID_SQL_STATEMENT_NAME,
                    "prepared statement \"" + name + "\" does not exist");
        }
        return statement;
    }

    private Portal portal(String name) {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new HeliosException(SqlState.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
        }
        return portal;
    }
}
