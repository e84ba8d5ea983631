package io.heliosdb.storage.lmdb;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Engine-side counters LMDB itself does not keep. */
final class LmdbCounters {

    final LongAdder gets = new LongAdder();
    final LongAdder getHits = new LongAdder();
    final LongAdder bytesRead = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder keysWritten = new LongAdder();
    final LongAdder bytesWritten = new LongAdder();
    final LongAdder syncs = new LongAdder();
    final LongAdder mapGrowths = new LongAdder();
    final LongAdder mapFullRetries = new LongAdder();

    void putInto(Map<String, Long> out) {
        out.put("lmdb.gets", gets.sum());
        out.put("lmdb.get.hits", getHits.sum());
        out.put("lmdb.bytes.read", bytesRead.sum());
        out.put("lmdb.batches.written", batches.sum());
        out.put("lmdb.keys.written", keysWritten.sum());
        out.put("lmdb.bytes.written", bytesWritten.sum());
        out.put("lmdb.syncs", syncs.sum());
        out.put("lmdb.map.growths", mapGrowths.sum());
        out.put("lmdb.map.full.retries", mapFullRetries.sum());
    }
}
