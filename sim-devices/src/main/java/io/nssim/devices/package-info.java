/**
 * Device drivers, one package each, each a {@link io.nssim.core.KernelModule} that registers its pernet ops,
 * link kind and notifiers when loaded: {@code loopback}, {@code veth}, {@code dummy}, {@code bridge} and a
 * {@code physical} NIC. {@link io.nssim.devices.StandardKernel} boots a kernel with the usual set loaded.
 */
package io.nssim.devices;
