package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.txn.IsolationLevel;
import io.heliosdb.core.txn.Transaction;
import java.util.Locale;
import java.util.Set;

/**
 * A transaction's modes as settings ({@code transaction_isolation}, {@code transaction_read_only},
 * {@code transaction_deferrable}) and their session defaults ({@code default_...}), changed by SET, RESET,
 * set_config() and SET TRANSACTION with PostgreSQL 15's rules and messages (25001): once the transaction ran a
 * statement that takes a snapshot (anything but SET, SHOW, FETCH and transaction control, at every isolation level)
 * its isolation level and DEFERRABLE are fixed and a READ ONLY transaction cannot turn READ WRITE; inside a
 * savepoint neither may change at all. Outside a block a mode applies to that statement's own transaction only, so
 * it has no lasting effect, and the modes follow their defaults.
 *
 * <p>One difference is kept on purpose: PostgreSQL's RESET of a mode skips these checks (it can even turn a READ ONLY
 * transaction that has read into a READ WRITE one); here RESET is SET to the session default, checked the same way.
 */
final class TransactionModes {
    static final String ISOLATION = "transaction_isolation";
    static final String READ_ONLY = "transaction_read_only";
    static final String DEFERRABLE = "transaction_deferrable";
    private static final String DEFAULT = "default_";
    private static final Set<String> NAMES = Set.of(ISOLATION, READ_ONLY, DEFERRABLE,
            DEFAULT + ISOLATION, DEFAULT + READ_ONLY, DEFAULT + DEFERRABLE);

    private final SessionSettings settings;
    private final TransactionBlock block;

    TransactionModes(SessionSettings settings, TransactionBlock block) {
        this.settings = settings;
        this.block = block;
    }

    /** Whether {@code name} is one of the six settings this class sets. */
    static boolean handles(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code SET [LOCAL] name = value} (a null value: RESET) of a name {@link #handles}. */
    void set(String name, String value, boolean local) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.startsWith(DEFAULT)) {
            String mode = key.substring(DEFAULT.length());
            put(key, value == null ? null : normalize(key, value), local);
            if (block.transaction() == null) {
                put(mode, settings.get(key), local);   // the next statement's transaction starts with it
            }
            return;
        }
        String v = normalize(key, value != null ? value : settings.get(DEFAULT + key));
        Transaction t = block.transaction();
        if (t == null) {
            settings.setLocal(key, v);   // the statement's own transaction: gone when it ends
            return;
        }
        switch (key) {
            case ISOLATION -> {
                IsolationLevel level = IsolationLevel.parse(v);
                checkIsolation(t, level);
                put(key, v, local);
                t.setIsolation(level);
            }
            case READ_ONLY -> {
                boolean readOnly = "on".equals(v);
                checkReadOnly(t, readOnly);
                put(key, v, local);
                t.setReadOnly(readOnly);
            }
            default -> {
                checkDeferrable(t);
                put(key, v, local);
                t.setDeferrable("on".equals(v));
            }
        }
    }

    private void put(String key, String value, boolean local) {
        if (local) {
            settings.setLocal(key, value);
        } else {
            settings.set(key, value);
        }
    }

    /** A different isolation level only before the first snapshot, and not inside a savepoint. */
    void checkIsolation(Transaction t, IsolationLevel wanted) {
        if (wanted == t.isolation()) {
            return;
        }
        if (t.queried()) {
            throw refused("SET TRANSACTION ISOLATION LEVEL must be called before any query");
        }
        if (block.hasSavepoints()) {
            throw refused("SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
        }
    }

    /** READ ONLY may always be set; a READ ONLY transaction turns READ WRITE only before its first snapshot. */
    void checkReadOnly(Transaction t, boolean readOnly) {
        if (readOnly || !"on".equals(settings.get(READ_ONLY))) {
            return;
        }
        if (block.hasSavepoints()) {
            throw refused("cannot set transaction read-write mode inside a read-only transaction");
        }
        if (t.queried()) {
            throw refused("transaction read-write mode must be set before any query");
        }
    }

    /** [NOT] DEFERRABLE, even unchanged, only before the first snapshot and not inside a savepoint. */
    void checkDeferrable(Transaction t) {
        if (block.hasSavepoints()) {
            throw refused("SET TRANSACTION [NOT] DEFERRABLE cannot be called within a subtransaction");
        }
        if (t.queried()) {
            throw refused("SET TRANSACTION [NOT] DEFERRABLE must be called before any query");
        }
    }

    private static HeliosException refused(String message) {
        return new HeliosException(SqlState.ACTIVE_SQL_TRANSACTION, message);
    }

    /** The value as SHOW prints it; 22023 for a value the setting does not take. */
    private static String normalize(String key, String value) {
        if (key.endsWith(ISOLATION)) {
            try {
                return IsolationLevel.parse(value).settingValue();
            } catch (HeliosException e) {
                throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"" + key
                        + "\": \"" + value + "\"", null, e.hint(), 0, null);
            }
        }
        Boolean b = parseBoolean(value);
        if (b == null) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    "parameter \"" + key + "\" requires a Boolean value");
        }
        return b ? "on" : "off";
    }

    /**
     * PostgreSQL's parse_bool: true/false, yes/no, on/off, 1/0, any unambiguous prefix of the words, any case,
     * surrounding spaces allowed; null when it is none of them.
     */
    static Boolean parseBoolean(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        if ("true".startsWith(v) || "yes".startsWith(v) || v.equals("1") || v.length() >= 2 && "on".startsWith(v)) {
            return true;
        }
        if ("false".startsWith(v) || "no".startsWith(v) || v.equals("0") || v.length() >= 2 && "off".startsWith(v)) {
            return false;
        }
        return null;
    }
}
