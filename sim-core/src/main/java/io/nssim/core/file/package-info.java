/**
 * {@code struct file} (include/linux/fs.h, fs/file_table.c): an open file shared by descriptors, released when
 * the last one closes. nsfs files and sockets are the kinds that hold namespaces; the task table holds them.
 */
package io.nssim.core.file;
