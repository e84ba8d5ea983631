package io.heliosdb.cli.shell;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TransactionStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A session that answers each statement text from a script and records what it was asked to run. */
final class ScriptedSession implements Session {
    final List<String> executed = new ArrayList<>();
    private final Map<String, Supplier<QueryResult>> answers = new LinkedHashMap<>();
    TransactionStatus status = TransactionStatus.IDLE;

    ScriptedSession answer(String sql, Supplier<QueryResult> result) {
        answers.put(sql, result);
        return this;
    }

    ScriptedSession fail(String sql, HeliosException error) {
        answers.put(sql, () -> {
            throw error;
        });
        return this;
    }

    @Override
    public QueryResult execute(String sql, Object... params) {
        executed.add(sql);
        Supplier<QueryResult> answer = answers.get(sql);
        if (answer == null) {
            throw new AssertionError("unexpected statement: " + sql);
        }
        return answer.get();
    }

    @Override
    public PreparedQuery prepare(String sql, List<SqlType> parameterTypes) {
        throw new UnsupportedOperationException("not used by the shell");
    }

    @Override
    public Iterator<QueryResult> executeScript(String sql) {
        throw new UnsupportedOperationException("not used by the shell");
    }

    @Override
    public TransactionStatus transactionStatus() {
        return status;
    }

    /** Session.cancel() (no @Override: it is newer than some installed helios-api snapshots). */
    public void cancel() {
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
    }

    @Override
    public String setting(String name) {
        return "client_encoding".equals(name) ? "UTF8" : null;
    }
}
