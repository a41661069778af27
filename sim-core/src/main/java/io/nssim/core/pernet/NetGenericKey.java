package io.nssim.core.pernet;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Supplier;

/**
 * A typed slot in every net's {@code net_generic} array. The kernel allocates the slot's zeroed memory
 * before the owning op's init and frees it after its exits; here the factory builds the fresh value.
 * The slot index is assigned when the owning op is registered.
 */
public final class NetGenericKey<T> {
    private final String name;
    private final Class<T> type;
    private final Supplier<? extends T> factory;
    private volatile int id = -1;

    public NetGenericKey(String name, Class<T> type, Supplier<? extends T> factory) {
        this.name = checkNotNull(name, "name");
        this.type = checkNotNull(type, "type");
        this.factory = checkNotNull(factory, "factory");
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** The slot index, or -1 while the owning op is not registered. */
    public int id() {
        return id;
    }

    public T newValue() {
        return checkNotNull(factory.get(), "factory of %s returned null", name);
    }

    public void assignId(int newId) {
        this.id = newId;
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
