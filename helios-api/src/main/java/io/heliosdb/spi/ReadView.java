package io.heliosdb.spi;

/** A consistent snapshot of a store: writes applied after it was taken are not visible through it. */
public interface ReadView extends KvReader, AutoCloseable {

    @Override
    void close();
}
