/**
 * drivers/net/dummy.c: a device that drops everything it is given. {@code <BROADCAST,NOARP>}, carrier on and
 * operstate UNKNOWN, no MTU limits; loading the module creates {@code numdummies} devices in init_net.
 */
package io.nssim.devices.dummy;
