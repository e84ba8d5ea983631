package io.heliosdb.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes as heliosdb.toml writes them: {@code 536870912}, {@code "512MB"}, {@code "512 MB"}, {@code "1GB"}. */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|BYTES|KB|K|KIB|MB|M|MIB|GB|G|GIB|TB|T|TIB)?");
    private static final long KB = 1024;

    private ByteSize() {
    }

    /**
     * Parses a size; units are binary (1 MB = 1024 * 1024 bytes), as cache sizes are usually meant.
     *
     * @throws IllegalArgumentException when the text is not a size
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 536870912, \"512MB\" or \"1 GB\", got \""
                    + text + "\"");
        }
        long multiplier = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "B", "BYTES" -> 1;
            case "KB", "K", "KIB" -> KB;
            case "MB", "M", "MIB" -> KB * KB;
            case "GB", "G", "GIB" -> KB * KB * KB;
            default -> KB * KB * KB * KB;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size \"" + text + "\" is too large", e);
        }
    }

    /** The size in the largest unit that divides it exactly, e.g. {@code 512 MB}, {@code 1 GB}, {@code 1000 bytes}. */
    public static String format(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        String[] units = {"TB", "GB", "MB", "KB"};
        long[] sizes = {KB * KB * KB * KB, KB * KB * KB, KB * KB, KB};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= sizes[i] && bytes % sizes[i] == 0) {
                return bytes / sizes[i] + " " + units[i];
            }
        }
        if (bytes >= KB * KB) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (KB * KB));
        }
        return bytes + " bytes";
    }
}
