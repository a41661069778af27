/**
 * The macvlan driver (drivers/net/macvlan.c): virtual Ethernet devices with their own MAC addresses stacked on
 * one lower device. The first macvlan makes the lower a macvlan port (its receive handler); frames for a
 * macvlan's address go to it, broadcasts to all of them and the lower; bridge-mode macvlans reach each other
 * without leaving the machine. A macvlan may move to another namespace while its lower stays; deleting the
 * lower deletes its macvlans wherever they are.
 */
package io.nssim.devices.macvlan;
