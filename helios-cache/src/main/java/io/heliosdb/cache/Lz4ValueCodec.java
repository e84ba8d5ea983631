package io.heliosdb.cache;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/** LZ4 block format; the original length (which the block does not record) follows the marker. */
final class Lz4ValueCodec implements ValueCodec {

    private static final int HEADER = 1 + Integer.BYTES;
    private static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();

    private final LZ4Compressor compressor = FACTORY.fastCompressor();
    private final LZ4FastDecompressor decompressor = FACTORY.fastDecompressor();

    @Override
    public byte[] encode(byte[] value) {
        if (value.length < MIN_COMPRESSIBLE) {
            return ValueCodec.raw(value);
        }
        byte[] out = new byte[compressor.maxCompressedLength(value.length) + HEADER];
        int written = compressor.compress(value, 0, value.length, out, HEADER);
        if (written + HEADER >= value.length + 1) {
            return ValueCodec.raw(value);
        }
        out[0] = COMPRESSED;
        ByteBuffer.wrap(out, 1, Integer.BYTES).putInt(value.length);
        return Arrays.copyOf(out, written + HEADER);
    }

    @Override
    public byte[] decode(byte[] stored) {
        if (stored[0] == RAW) {
            return Arrays.copyOfRange(stored, 1, stored.length);
        }
        int length = ByteBuffer.wrap(stored, 1, Integer.BYTES).getInt();
        byte[] out = new byte[length];
        decompressor.decompress(stored, HEADER, out, 0, length);
        return out;
    }
}
