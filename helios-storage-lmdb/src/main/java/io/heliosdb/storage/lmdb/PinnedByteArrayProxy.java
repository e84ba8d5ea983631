package io.heliosdb.storage.lmdb;

import java.util.Arrays;
import java.util.Comparator;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.provider.MemoryManager;
import org.lmdbjava.BufferProxy;

/**
 * lmdbjava's {@code byte[]} buffer proxy, minus a use-after-free.
 *
 * <p>lmdbjava 0.9.1's {@code ByteArrayProxy.in} copies a key or value into freshly allocated
 * native memory, stores its address in the MDB_val, and drops the only reference to that memory
 * before {@code mdb_put}/{@code mdb_get}/{@code mdb_cursor_get} runs. jnr-ffi frees such memory when
 * the garbage collector finds it unreachable (values over 256 bytes through a finalizer, smaller ones
 * by unmapping the page "magazine" they were carved from), so a GC during the native call makes LMDB
 * read freed memory: a SIGSEGV in {@code mdb_put}'s memcpy (seen once under StorageIsolationTck), or
 * silently stored garbage. Newer lmdbjava returns the pointer for that reason.
 *
 * <p>Here every thread owns two native scratch buffers that stay reachable from a thread-local and
 * are used in turn. An lmdbjava call copies at most two buffers in (key, then value) immediately
 * before its single native call on the same thread, and LMDB keeps no input pointer after the call
 * returns, so the two most recent copies, the only ones that can be in use, are never overwritten or
 * freed while LMDB reads them. It also saves an allocation per key and value.
 */
final class PinnedByteArrayProxy extends BufferProxy<byte[]> {

    static final PinnedByteArrayProxy INSTANCE = new PinnedByteArrayProxy();

    /** Over 256 bytes jnr-ffi gives a plain malloc'd block rather than a slice of a shared page. */
    private static final int MIN_SCRATCH = 512;
    /** A scratch buffer grown past this for one large value shrinks back on the next small one. */
    private static final int KEEP_SCRATCH = 1 << 20;

    private static final MemoryManager MEMORY = Runtime.getSystemRuntime().getMemoryManager();
    private static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;
    private static final Comparator<byte[]> SIGNED = Arrays::compare;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private PinnedByteArrayProxy() {
    }

    /** A thread's two native buffers, used alternately. */
    private static final class Scratch {
        private final Pointer[] buffers = new Pointer[2];
        private int next;

        Pointer take(int size) {
            int slot = next;
            next ^= 1;
            Pointer buffer = buffers[slot];
            if (buffer == null || buffer.size() < size || (buffer.size() > KEEP_SCRATCH && size <= MIN_SCRATCH)) {
                buffer = MEMORY.allocateDirect(Math.max(MIN_SCRATCH, size));
                buffers[slot] = buffer; // the old one, no longer referenced, is freed by jnr-ffi after GC
            }
            return buffer;
        }
    }

    @Override
    protected byte[] allocate() {
        return new byte[0];
    }

    @Override
    protected void deallocate(byte[] buffer) {
        // heap arrays: nothing to free
    }

    @Override
    protected byte[] getBytes(byte[] buffer) {
        return buffer.clone();
    }

    @Override
    protected Comparator<byte[]> getSignedComparator() {
        return SIGNED;
    }

    @Override
    protected Comparator<byte[]> getUnsignedComparator() {
        return UNSIGNED;
    }

    @Override
    protected void in(byte[] buffer, Pointer val, long valAddress) {
        Pointer copy = scratch.get().take(buffer.length);
        copy.put(0, buffer, 0, buffer.length);
        val.putLong(STRUCT_FIELD_OFFSET_SIZE, buffer.length);
        val.putAddress(STRUCT_FIELD_OFFSET_DATA, copy.address());
    }

    @Override
    protected void in(byte[] buffer, int size, Pointer val, long valAddress) {
        // MDB_RESERVE cannot hand out a heap array; the engine never reserves
    }

    @Override
    protected byte[] out(byte[] buffer, Pointer val, long valAddress) {
        long address = val.getAddress(STRUCT_FIELD_OFFSET_DATA);
        int size = (int) val.getLong(STRUCT_FIELD_OFFSET_SIZE);
        byte[] bytes = new byte[size];
        MEMORY.newPointer(address, size).get(0, bytes, 0, size);
        return bytes;
    }
}
