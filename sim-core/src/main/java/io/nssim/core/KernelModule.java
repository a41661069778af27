package io.nssim.core;

/**
 * A loadable piece of the simulated kernel: a driver or subsystem. Like a kernel module's
 * {@code module_init}, {@link #init} registers its pernet ops, link kinds and notifiers (pernet inits then run
 * for every existing net); {@link #exit} unregisters them.
 */
public interface KernelModule {
    String name();

    Result<Void> init(Kernel kernel);

    default void exit(Kernel kernel) {
    }
}
