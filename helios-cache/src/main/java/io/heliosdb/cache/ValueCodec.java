package io.heliosdb.cache;

import io.heliosdb.api.config.Compression;

/**
 * How a cached value is kept: as is, or compressed. Compressed forms start with one marker byte so
 * that values that do not shrink (or are too small to bother) are kept raw at the cost of that byte.
 */
interface ValueCodec {

    /** Values shorter than this are not worth a compression call. */
    int MIN_COMPRESSIBLE = 64;

    byte RAW = 0;
    byte COMPRESSED = 1;

    byte[] encode(byte[] value);

    byte[] decode(byte[] stored);

    static ValueCodec forCompression(Compression compression) {
        return switch (compression) {
            case NONE -> Identity.INSTANCE;
            case ZSTD -> new ZstdValueCodec();
            case LZ4 -> new Lz4ValueCodec();
        };
    }

    /** No compression: the stored form is a copy of the value, with no marker (callers may reuse arrays). */
    enum Identity implements ValueCodec {
        INSTANCE;

        @Override
        public byte[] encode(byte[] value) {
            return value.clone();
        }

        @Override
        public byte[] decode(byte[] stored) {
            return stored.clone();
        }
    }

    /** The raw form: marker then the value. */
    static byte[] raw(byte[] value) {
        byte[] out = new byte[value.length + 1];
        out[0] = RAW;
        System.arraycopy(value, 0, out, 1, value.length);
        return out;
    }
}
