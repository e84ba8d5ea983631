package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.txn.IsolationLevel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A session's run-time parameters for SET and SHOW. Names are case-insensitive, as in PostgreSQL;
 * the defaults are what a PostgreSQL 16 server reports to its clients.
 */
public final class SessionSettings {
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    /**
     * The lookup key of each built-in name, in both spellings: the wire and the kernel read a few
     * settings for every statement, and lower-casing "DateStyle" or "TimeZone" each time allocated.
     */
    private static final Map<String, String> KEYS = new java.util.HashMap<>();

    static {
        DEFAULTS.put("server_version", "16.0");
        DEFAULTS.put("server_version_num", "160000");
        DEFAULTS.put("server_encoding", "UTF8");
        DEFAULTS.put("client_encoding", "UTF8");
        DEFAULTS.put("DateStyle", "ISO, MDY");
        DEFAULTS.put("IntervalStyle", "postgres");
        DEFAULTS.put("TimeZone", "UTC");
        DEFAULTS.put("standard_conforming_strings", "on");
        DEFAULTS.put("integer_datetimes", "on");
        DEFAULTS.put("application_name", "");
        DEFAULTS.put("search_path", "\"$user\", public");
        DEFAULTS.put("transaction_isolation", "read committed");
        DEFAULTS.put("default_transaction_isolation", "read committed");
        DEFAULTS.put("transaction_read_only", "off");
        DEFAULTS.put("default_transaction_read_only", "off");
        DEFAULTS.put("transaction_deferrable", "off");
        DEFAULTS.put("default_transaction_deferrable", "off");
        DEFAULTS.put("is_superuser", "on");
        DEFAULTS.put("extra_float_digits", "1");
        DEFAULTS.put("client_min_messages", "notice");
        DEFAULTS.put("statement_timeout", "0");
        DEFAULTS.put("lock_timeout", "0");
        DEFAULTS.put("idle_in_transaction_session_timeout", "0");
        DEFAULTS.put("idle_session_timeout", "0");
        DEFAULTS.put("in_hot_standby", "off");
        DEFAULTS.put("max_identifier_length", "63");
        DEFAULTS.put("bytea_output", "hex");
        DEFAULTS.put("lc_messages", "C");
        DEFAULTS.put("lc_monetary", "C");
        DEFAULTS.put("lc_numeric", "C");
        DEFAULTS.put("lc_time", "C");
        DEFAULTS.put("role", "none");
        DEFAULTS.put(WorkerSettings.NAME, WorkerSettings.DEFAULT);
        for (String name : DEFAULTS.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            KEYS.put(name, lower);
            KEYS.put(lower, lower);
        }
    }

    /** Current values by lower-case name; each remembers its canonical spelling. */
    private final Map<String, Entry> values = new LinkedHashMap<>();

    private record Entry(String name, String value) {
    }

    /** The values when the transaction block began (null outside one): ROLLBACK restores them. */
    private Map<String, Entry> atBegin;
    /** Parameters SET LOCAL changed in this block: they revert at its end, even on COMMIT. */
    private final java.util.Set<String> localNames = new java.util.HashSet<>();
    /**
     * Outside a block, the values SET LOCAL or set_config(..., true) replaced (null: none yet), by name: the
     * statement is its own transaction, so they come back when it ends ({@link #endStatement}).
     */
    private Map<String, Entry> statementLocals;
    /**
     * Counts changes (see {@link #version()}); volatile so that a reader on another thread of the same
     * connection (the wire's next worker) sees the latest without taking the session's monitor.
     */
    private volatile long version;

    /** The user who logged in: RESET SESSION AUTHORIZATION returns to it; readable, never settable. */
    private final String authenticatedUser;

    public SessionSettings(String user) {
        this.authenticatedUser = user;
        DEFAULTS.forEach((name, value) -> values.put(key(name), new Entry(name, value)));
        values.put("session_authorization", new Entry("session_authorization", user));
    }

    /** Every setting with its current value, by canonical name (pg_settings shows them). */
    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        values.values().forEach(e -> all.put(e.name(), e.value()));
        return all;
    }

    /**
     * A number that changes whenever any value may have changed (SET, RESET, a transaction's or
     * savepoint's end restoring values): per-statement readers re-read the values they derive from only
     * then, instead of looking them up for every statement.
     */
    public long version() {
        return version;
    }

    /** The value, or null for an unknown parameter. */
    public String get(String name) {
        // The kernel asks by lower-case name several times per statement: skip lower-casing then.
        Entry e = values.get(name);
        if (e == null) {
            if (name.equalsIgnoreCase(io.heliosdb.sql.CurrentRole.AUTHENTICATED_USER)) {
                return authenticatedUser;
            }
            e = values.get(key(name));
        }
        return e == null ? null : e.value();
    }

    /**
     * Sets a parameter; a null value resets it to its default. Unknown names are {@code 42704}
     * unless they contain a dot (custom "extension.name" parameters, which PostgreSQL also accepts).
     */
    public void set(String name, String value) {
        String k = key(name);
        Entry current = values.get(k);
        if (current == null && !name.contains(".")) {
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name
                    + "\"");
        }
        if (value != null && (k.equals("transaction_isolation") || k.equals("default_transaction_isolation"))) {
            value = IsolationLevel.parse(value).settingValue();
        }
        if (value != null && k.equals(WorkerSettings.NAME)) {
            value = WorkerSettings.normalize(value);
        }
        if (value != null && DurationSettings.isDuration(k)) {
            value = DurationSettings.normalize(current.name(), value); // as PostgreSQL stores and SHOWs it
        }
        version++;
        if (value == null) {
            String def = defaultOf(k);
            // A custom parameter's default is the empty string: once set or reset it stays defined (PostgreSQL).
            values.put(k, new Entry(current == null ? name : current.name(), def == null ? "" : def));
            return;
        }
        values.put(k, new Entry(current == null ? name : current.name(), value));
    }

    /** A transaction block begins: SET from now on is undone by ROLLBACK, SET LOCAL by any end. */
    public void beginTransaction() {
        atBegin = new LinkedHashMap<>(values);
        localNames.clear();
    }

    /** The block committed: SET stays, SET LOCAL reverts. */
    public void commitTransaction() {
        if (atBegin != null && !localNames.isEmpty()) {
            version++;
            for (String k : localNames) {
                revert(k, atBegin.get(k));
            }
        }
        atBegin = null;
        localNames.clear();
    }

    /** The block rolled back: every SET made in it is undone, as in PostgreSQL. */
    public void rollbackTransaction() {
        if (atBegin != null) {
            restore(atBegin);
        }
        atBegin = null;
        localNames.clear();
    }

    /**
     * SET LOCAL: lasts until the block ends. Outside a block the statement is its own transaction, so the value
     * lasts until the statement ends (SET LOCAL alone then has no effect, PostgreSQL only warns; a
     * {@code set_config(name, value, true)} is seen by the rest of its statement).
     */
    public void setLocal(String name, String value) {
        String k = key(name);
        if (atBegin == null) {
            Entry before = values.get(k);
            set(name, value);
            if (statementLocals == null) {
                statementLocals = new LinkedHashMap<>();
            }
            if (!statementLocals.containsKey(k)) {
                statementLocals.put(k, before);
            }
            return;
        }
        set(name, value);
        localNames.add(k);
    }

    /** A statement outside a block ended: what it changed with SET LOCAL comes back. Cheap when nothing did. */
    public void endStatement() {
        if (statementLocals == null) {
            return;
        }
        Map<String, Entry> replaced = statementLocals;
        statementLocals = null;
        version++;
        replaced.forEach(this::revert);
    }

    /**
     * Puts back {@code before} under {@code k}; a custom parameter that did not exist before stays defined with an
     * empty value, as PostgreSQL keeps a placeholder once it was set.
     */
    private void revert(String k, Entry before) {
        if (before != null) {
            values.put(k, before);
            return;
        }
        Entry now = values.get(k);
        if (now != null) {
            values.put(k, new Entry(now.name(), ""));
        }
    }

    /** The current values, for a savepoint to restore with {@link #restore}. */
    public Map<String, ?> snapshot() {
        return new LinkedHashMap<>(values);
    }

    @SuppressWarnings("unchecked")
    public void restore(Map<String, ?> snapshot) {
        version++;
        Map<String, Entry> before = (Map<String, Entry>) snapshot;
        for (Map.Entry<String, Entry> e : values.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                e.setValue(new Entry(e.getValue().name(), "")); // a placeholder stays, empty
            }
        }
        values.putAll(before);
    }

    /** The parameters a server reports to a client at start-up (ParameterStatus), canonical names. */
    public Map<String, String> reported() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : new String[] {"application_name", "client_encoding", "DateStyle", "integer_datetimes",
                "IntervalStyle", "is_superuser", "server_encoding", "server_version", "session_authorization",
                "standard_conforming_strings", "TimeZone"}) {
            out.put(name, get(name));
        }
        return out;
    }

    /** A duration parameter (like {@code lock_timeout}) in milliseconds (its value as SET stored it). */
    public long millis(String name) {
        String v = get(name);
        if (v == null || v.equals("0")) {
            return 0;   // the default of every duration setting, read for each statement
        }
        return DurationSettings.millis(name, v);
    }

    private String defaultOf(String lowerName) {
        if (lowerName.equals("session_authorization")) {
            return authenticatedUser;
        }
        for (Map.Entry<String, String> e : DEFAULTS.entrySet()) {
            if (key(e.getKey()).equals(lowerName)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String key(String name) {
        String known = KEYS.get(name);
        return known != null ? known : name.toLowerCase(Locale.ROOT);
    }
}
