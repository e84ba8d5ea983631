package io.heliosdb.cache;

import com.github.luben.zstd.Zstd;
import java.util.Arrays;

/** zstd at level 1: a cache trades a little ratio for speed on every miss-fill. */
final class ZstdValueCodec implements ValueCodec {

    private static final int LEVEL = 1;

    @Override
    public byte[] encode(byte[] value) {
        if (value.length < MIN_COMPRESSIBLE) {
            return ValueCodec.raw(value);
        }
        byte[] out = new byte[(int) Zstd.compressBound(value.length) + 1];
        long written = Zstd.compressByteArray(out, 1, out.length - 1, value, 0, value.length, LEVEL);
        if (Zstd.isError(written) || written + 1 >= value.length + 1) {
            return ValueCodec.raw(value);
        }
        out[0] = COMPRESSED;
        return Arrays.copyOf(out, (int) written + 1);
    }

    @Override
    public byte[] decode(byte[] stored) {
        if (stored[0] == RAW) {
            return Arrays.copyOfRange(stored, 1, stored.length);
        }
        // the frame header records the original size (compressByteArray writes it)
        byte[] out = new byte[(int) Zstd.getFrameContentSize(stored, 1, stored.length - 1)];
        long read = Zstd.decompressByteArray(out, 0, out.length, stored, 1, stored.length - 1);
        if (Zstd.isError(read) || read != out.length) {
            throw new IllegalStateException("corrupt zstd value in cache: " + Zstd.getErrorName(read));
        }
        return out;
    }
}
