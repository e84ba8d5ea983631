package io.heliosdb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.spi.CacheLayerProvider;
import java.lang.module.ModuleDescriptor;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CacheModuleTest {

    @Test
    void serviceLoader_findsEveryProvider_byName() {
        getClass().getModule().addUses(CacheLayerProvider.class);
        assertThat(ServiceLoader.load(CacheLayerProvider.class).stream().map(p -> p.get().name()))
                .containsExactlyInAnyOrder(CaffeineCacheProvider.NAME, ChronicleCacheProvider.NAME,
                        CompactCacheProvider.NAME);
    }

    @Test
    void descriptor_providesEveryLayer_andExportsNothing() {
        ModuleDescriptor descriptor = getClass().getModule().getDescriptor();
        assertThat(descriptor.name()).isEqualTo("io.heliosdb.cache");
        assertThat(descriptor.exports()).as("layers are reached only through the SPI").isEmpty();
        assertThat(descriptor.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(CacheLayerProvider.class.getName());
            assertThat(p.providers()).containsExactly(CaffeineCacheProvider.class.getName(),
                    ChronicleCacheProvider.class.getName(), CompactCacheProvider.class.getName());
        });
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .contains("com.github.benmanes.caffeine", "chronicle.map", "com.github.luben.zstd_jni", "org.lz4.java",
                        "jdk.compiler", "java.management");
    }
}
