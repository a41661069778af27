/** Device drivers, one package each, each a {@link io.nssim.core.KernelModule} that registers its link kind. */
package io.nssim.devices;
