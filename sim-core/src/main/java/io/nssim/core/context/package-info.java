/**
 * The context one machine's subsystems share (clock, tracer, faults, events and log, random, ref tracking),
 * handed to each through its constructor by the composition root, {@code Kernel}.
 */
package io.nssim.core.context;
