/**
 * {@code pernet_operations}: how subsystems and drivers attach state to every network namespace, and the
 * one ordered list (with its {@code first_device} split) that decides init and exit order.
 */
package io.nssim.core.pernet;
