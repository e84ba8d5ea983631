package io.heliosdb.core.monitor;

import io.heliosdb.spi.CacheLayer;

/** The cache layer in use: which provider, the layer itself and its byte budget. */
public record CacheInfo(String provider, CacheLayer layer, long capacityBytes) {
}
