/**
 * Test support for the lifecycle engine, shared with other modules through sim-core's test jar: a
 * {@link io.nssim.core.testing.KernelFixture} that checks invariants and leaks after every test, a recording
 * {@link io.nssim.core.pernet.PernetOperations} double, a fake loopback device, a textual
 * {@link io.nssim.core.testing.KernelSnapshot} for "a failed operation leaves no trace", and an orderly
 * {@link io.nssim.core.testing.Teardown}.
 */
package io.nssim.core.testing;
