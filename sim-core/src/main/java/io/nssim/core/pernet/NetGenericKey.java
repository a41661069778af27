package io.nssim.core.pernet;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Supplier;

/**
 * A typed slot in every net's {@code net_generic} array ({@code pernet_operations.id} and {@code .size}).
 * The kernel allocates the slot's zeroed memory before the owning op's init and frees it after its exits;
 * here the factory builds the fresh value.
 *
 * <p>The key itself is immutable and may be a {@code static final} of a driver class: the slot index is
 * allocated per kernel when the owning op is registered (see {@link PernetList#idOf}), so two kernels in one
 * JVM can use the same key side by side.
 */
public final class NetGenericKey<T> {
    private final String name;
    private final Class<T> type;
    private final Supplier<? extends T> factory;

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

    /** A fresh value for one net ({@code kzalloc(ops->size)}). */
    public T newValue() {
        return checkNotNull(factory.get(), "factory of %s returned null", name);
    }

    @Override
    public String toString() {
        return name;
    }
}
