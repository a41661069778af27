/** {@code nssim shell}: a JLine 3 prompt over one simulated machine, with history and completion. */
package io.nssim.cli.interactive;
