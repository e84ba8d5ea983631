package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.txn.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The savepoints of one transaction block, oldest first. A savepoint remembers the transaction's
 * rollback point (writes and DDL) and the session settings of that moment, since ROLLBACK TO
 * undoes SET too, as in PostgreSQL. Names may repeat; ROLLBACK TO and RELEASE use the newest.
 */
final class Savepoints {
    private record Savepoint(String name, Transaction.Mark mark, Map<String, ?> settings) {
    }

    private final List<Savepoint> stack = new ArrayList<>();

    boolean isEmpty() {
        return stack.isEmpty();
    }

    void clear() {
        stack.clear();
    }

    void define(String name, Transaction.Mark mark, Map<String, ?> settings) {
        stack.add(new Savepoint(name, mark, settings));
    }

    /** What ROLLBACK TO returns to: the transaction's rollback point and the session settings of then. */
    record Target(Transaction.Mark mark, Map<String, ?> settings) {
    }

    /** Forgets the savepoints after the newest one called {@code name} (which stays defined) and returns it. */
    Target rollbackTo(String name) {
        int i = find(name);
        Savepoint s = stack.get(i);
        stack.subList(i + 1, stack.size()).clear();
        return new Target(s.mark(), s.settings());
    }

    /** Forgets the newest savepoint called {@code name} and every later one; their writes stay. */
    void release(String name) {
        int i = find(name);
        stack.subList(i, stack.size()).clear();
    }

    private int find(String name) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new HeliosException(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"" + name + "\" does not exist");
    }
}
