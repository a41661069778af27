/**
 * Virtual time: the clock that every timer, work queue and ageing rule of the simulated kernel reads.
 * Nothing queued runs until time is advanced, so the same script gives the same transcript every time.
 */
package io.nssim.core.time;
