/** The public embedded API of HeliosDB Lite, its configuration records and the plug-in SPIs. */
module io.heliosdb.api {
    exports io.heliosdb.api;
    exports io.heliosdb.api.config;
    exports io.heliosdb.spi;

    uses io.heliosdb.spi.KernelProvider;
}
