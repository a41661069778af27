/** Fault injection at the kernel's seams: make the nth call of a named point fail, as failslab or a test hook would. */
package io.nssim.core.fault;
