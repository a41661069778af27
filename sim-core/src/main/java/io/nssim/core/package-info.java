/**
 * The lifecycle engine. {@link io.nssim.core.Kernel} is the machine; its parts live in sub-packages named
 * after the kernel concepts: {@code net} (struct net, net_namespace.c, nsids), {@code pernet}
 * (pernet_operations), {@code ref} (refcounts with trackers), {@code dev} (net_device, dev.c), {@code task},
 * {@code nsfs}, {@code sock}, {@code time} (virtual clock), {@code event}, {@code fault}, {@code trace}.
 */
package io.nssim.core;
