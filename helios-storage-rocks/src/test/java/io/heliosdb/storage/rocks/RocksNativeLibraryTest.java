package io.heliosdb.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksNativeLibraryTest {
    @TempDir
    Path tmp;

    private URL library(String content) throws Exception {
        Path source = tmp.resolve("jar-entry-" + content.length());
        Files.writeString(source, content);
        return source.toUri().toURL();
    }

    @Test
    void publish_copiesTheLibraryOnce_thenLeavesItAlone() throws Exception {
        Path dir = tmp.resolve("native/rocksdbjni-1");
        Path published = RocksNativeLibrary.publish(dir, "librocksdbjni-test.so", library("native code"));
        assertThat(published).isEqualTo(dir.resolve("librocksdbjni-test.so")).hasContent("native code");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(published, old);

        RocksNativeLibrary.publish(dir, "librocksdbjni-test.so", library("native code"));

        assertThat(Files.getLastModifiedTime(published)).as("not copied again").isEqualTo(old);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no partial file left behind").containsExactly(published);
        }
    }

    @Test
    void publish_replacesAFileOfAnotherSize() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("native"));
        Files.writeString(dir.resolve("librocksdbjni-test.so"), "truncated");
        Path published = RocksNativeLibrary.publish(dir, "librocksdbjni-test.so", library("the whole library"));
        assertThat(published).hasContent("the whole library");
    }

    @Test
    void onLibraryPath_comparesNormalisedDirectories() {
        Path dir = tmp.resolve("native");
        String path = "/usr/lib" + File.pathSeparator + tmp.resolve("x/../native/") + File.pathSeparator;
        assertThat(RocksNativeLibrary.onLibraryPath(dir, path)).isTrue();
        assertThat(RocksNativeLibrary.onLibraryPath(dir, "/usr/lib")).isFalse();
        assertThat(RocksNativeLibrary.onLibraryPath(dir, "")).isFalse();
    }
}
