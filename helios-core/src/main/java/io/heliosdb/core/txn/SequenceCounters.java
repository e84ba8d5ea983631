package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import io.heliosdb.sql.schema.SequenceDef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current values of all sequences, shared by every session and outside transactions: a value
 * handed out is never rolled back nor handed out again. Each sequence persists a state {@value #BLOCK}
 * values ahead of the one it hands out (synchronously, in the {@code meta} keyspace), so a restart
 * after a crash continues past every value that may have been handed out, leaving a gap as
 * PostgreSQL does.
 */
public final class SequenceCounters {
    static final int BLOCK = 32;
    private static final byte COUNTER = 0x02;

    private final StorageEngine engine;
    private final boolean sync;
    private final Map<Long, Counter> counters = new ConcurrentHashMap<>();

    /**
     * One sequence's state: {@code called} false means the next nextval returns {@code last} itself;
     * {@code dropped}: its DROP committed, so nothing may persist it again.
     */
    private static final class Counter {
        long last;
        boolean called;
        int reserved;
        boolean dropped;
    }

    SequenceCounters(StorageEngine engine, boolean sync) {
        this.engine = engine;
        this.sync = sync;
    }

    public long next(SequenceDef def) {
        Counter c = counter(def);
        synchronized (c) {
            refuseDropped(c, def);
            long value = c.called ? step(def, c.last) : c.last;
            if (c.reserved == 0) {
                long ahead = value;
                for (int i = 1; i < BLOCK; i++) {
                    Long next = stepOrNull(def, ahead);
                    if (next == null) {
                        break;
                    }
                    ahead = next;
                }
                persist(def.id(), ahead, true);
                c.reserved = BLOCK;
            }
            c.reserved--;
            c.last = value;
            c.called = true;
            return value;
        }
    }

    /** setval: the next nextval returns {@code value} ({@code isCalled} false) or the value after it. */
    public long set(SequenceDef def, long value, boolean isCalled) {
        if (value < def.min() || value > def.max()) {
            throw new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
                    + " is out of bounds for sequence \"" + def.name() + "\" (" + def.min() + ".." + def.max() + ")");
        }
        Counter c = counter(def);
        synchronized (c) {
            refuseDropped(c, def);
            persist(def.id(), value, isCalled);
            c.last = value;
            c.called = isCalled;
            c.reserved = 0;
        }
        return value;
    }

    /**
     * A committed DROP SEQUENCE deleted the stored counter {@code key} (in its commit's batch, so a rolled-back
     * DROP keeps it). From now on the counter refuses to hand out values (a statement that still sees the
     * sequence in an older snapshot gets 42P01), and a nextval that stored it again after the commit's
     * write is undone here, so no counter of a dropped sequence stays in storage.
     */
    void dropped(byte[] key) {
        long id = new ByteReader(key, 1).readLongBE();
        Counter c = counters.computeIfAbsent(id, i -> new Counter());
        synchronized (c) {
            c.dropped = true;
            if (engine.get(TransactionalStore.META, key) != null) {
                engine.write(new WriteBatch().delete(TransactionalStore.META, key), sync);
            }
        }
    }

    private static void refuseDropped(Counter c, SequenceDef def) {
        if (c.dropped) {
            throw new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"" + def.name() + "\" does not exist");
        }
    }

    /** The {@code meta} key of sequence {@code id}'s stored counter. */
    static byte[] counterKey(long id) {
        return key(id);
    }

    /** The value after {@code last}; 2200H past the limit without CYCLE. */
    private static long step(SequenceDef def, long last) {
        Long next = stepOrNull(def, last);
        if (next != null) {
            return next;
        }
        throw new HeliosException(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, "nextval: reached "
                + (def.increment() > 0 ? "maximum value of sequence \"" + def.name() + "\" (" + def.max()
                : "minimum value of sequence \"" + def.name() + "\" (" + def.min()) + ")");
    }

    private static Long stepOrNull(SequenceDef def, long last) {
        long inc = def.increment();
        if (inc > 0 ? last > def.max() - inc : last < def.min() - inc) {
            return def.cycle() ? (inc > 0 ? def.min() : def.max()) : null;
        }
        return last + inc;
    }

    private Counter counter(SequenceDef def) {
        return counters.computeIfAbsent(def.id(), id -> {
            Counter c = new Counter();
            byte[] stored = engine.get(TransactionalStore.META, key(id));
            if (stored == null) {
                c.last = def.start();
                c.called = false;
            } else {
                ByteReader in = new ByteReader(stored);
                c.last = in.readLongBE();
                c.called = in.read() != 0;
            }
            return c;
        });
    }

    private void persist(long id, long last, boolean called) {
        WriteBatch batch = new WriteBatch();
        batch.put(TransactionalStore.META, key(id), new ByteWriter(9).writeLongBE(last).write(called ? 1 : 0).toByteArray());
        engine.write(batch, sync);
    }

    private static byte[] key(long id) {
        return new ByteWriter(9).write(COUNTER).writeLongBE(id).toByteArray();
    }
}
