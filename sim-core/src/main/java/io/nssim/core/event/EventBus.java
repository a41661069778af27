package io.nssim.core.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The kernel's event stream: subscribers see events in the order the kernel emitted them. */
public final class EventBus {
    private final List<Consumer<KernelEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Subscribes; returns a handle that unsubscribes when closed. */
    public AutoCloseable subscribe(Consumer<KernelEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(KernelEvent event) {
        for (Consumer<KernelEvent> l : listeners) {
            l.accept(event);
        }
    }
}
