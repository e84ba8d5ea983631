package io.heliosdb.storage.tck;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Small byte-array conveniences for the storage TCK. */
public final class Bytes {

    private Bytes() {
    }

    /** The bytes given as ints (so 0x80..0xff need no casts). */
    public static byte[] of(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static String str(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** The keys (as hex) a scan returns, in the order it returns them. */
    public static List<String> hexKeys(KvReader reader, String keyspace, byte[] from, byte[] to, boolean reverse) {
        List<String> keys = new ArrayList<>();
        try (KvCursor c = reader.scan(keyspace, from, to, reverse)) {
            while (c.next()) {
                keys.add(hex(c.key()));
            }
        }
        return keys;
    }

    /** The keys (as UTF-8 text) a scan returns, in the order it returns them. */
    public static List<String> textKeys(KvReader reader, String keyspace, byte[] from, byte[] to, boolean reverse) {
        List<String> keys = new ArrayList<>();
        try (KvCursor c = reader.scan(keyspace, from, to, reverse)) {
            while (c.next()) {
                keys.add(str(c.key()));
            }
        }
        return keys;
    }
}
