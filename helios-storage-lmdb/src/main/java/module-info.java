/** A persistent, read-optimised storage engine on LMDB (provider {@code lmdb}). */
module io.heliosdb.storage.lmdb {
    requires io.heliosdb.api;
    requires lmdbjava;
    // PinnedByteArrayProxy implements lmdbjava's BufferProxy, whose methods take jnr-ffi pointers
    requires org.jnrproject.ffi;
    // lmdbjava reaches LMDB through jnr-ffi, an automatic module that needs these at run time but
    // does not (cannot) require them itself; without them production fails with NoClassDefFoundError.
    requires jdk.unsupported;
    requires org.objectweb.asm;

    provides io.heliosdb.spi.StorageEngineProvider with io.heliosdb.storage.lmdb.LmdbStorageProvider;
}
