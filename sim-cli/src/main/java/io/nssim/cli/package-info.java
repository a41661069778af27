/** The nssim command: iproute2-compatible commands over a simulated kernel; parses and prints, nothing more. */
package io.nssim.cli;
