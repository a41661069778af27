/** GNU findutils 4.9 as nssim has it: {@code xargs}. */
package io.nssim.userland.findutils;
