package io.nssim.core.packet;

/**
 * Work the packet path hands to the kernel's own thread because it touches state only that thread may touch
 * (the virtual clock's timers): arming a neighbour's timer, for instance. In deterministic mode it runs at once;
 * in concurrent mode a poll thread queues it and the kernel thread runs it the next time virtual time moves.
 * Implementations are long-lived objects (the neighbour itself), so queueing allocates nothing.
 */
@FunctionalInterface
public interface DeferredWork {
    void runDeferred();
}
