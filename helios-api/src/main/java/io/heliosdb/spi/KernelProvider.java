package io.heliosdb.spi;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;

/** Finds the kernel ({@code helios-core}) behind the static factories of {@link HeliosDB}. */
public interface KernelProvider {

    /**
     * Opens a database as configured.
     *
     * @param serve whether to start the transports found on the module path (Server/Hybrid mode)
     */
    HeliosDB open(HeliosConfig config, boolean serve);
}
