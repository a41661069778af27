package io.nssim.core.fs;

import io.nssim.core.Result;
import io.nssim.core.task.Task;
import java.util.List;

/**
 * The file system calls user space makes ({@code open/read/write}, {@code getdents}, {@code stat},
 * {@code readlink}, {@code mkdir}, {@code unlink}, {@code rmdir}, {@code symlink}), each as seen by
 * {@code task}: its mount namespace and its working directory decide what a path names. Failures are the
 * errno the kernel returns ({@code ENOENT}, {@code ENOTDIR}, {@code EISDIR}, {@code EEXIST}, {@code EACCES}
 * ...), so every program prints its own message for it as the real tool does.
 */
public interface Vfs {

    /** {@code open(path, O_RDONLY)} and read to the end. */
    Result<byte[]> readFile(Task task, String path);

    /** {@code open(path, O_WRONLY|O_CREAT|(append ? O_APPEND : O_TRUNC), 0666)} and write {@code data}. */
    Result<Void> writeFile(Task task, String path, byte[] data, boolean append);

    /** {@code getdents} of a directory: its entries in the order the file system lists them (no . or ..). */
    Result<List<DirEntry>> readdir(Task task, String path);

    /** {@code stat} (following a final symlink) or {@code lstat} ({@code follow} false). */
    Result<FileStat> stat(Task task, String path, boolean follow);

    /** {@code readlink}: the target of a symlink; {@code EINVAL} for anything else. */
    Result<String> readlink(Task task, String path);

    Result<Void> mkdir(Task task, String path);

    Result<Void> unlink(Task task, String path);

    Result<Void> rmdir(Task task, String path);

    Result<Void> symlink(Task task, String target, String linkPath);

    /** One directory entry as {@code getdents} returns it. */
    record DirEntry(String name, FileType type, long inode) {
    }

    /** What {@code stat} reports: the parts the tools print. */
    record FileStat(FileType type, long inode, long size, int mode, int nlink, long device) {
    }

    enum FileType {
        REGULAR, DIRECTORY, SYMLINK, CHAR_DEVICE, SOCKET, FIFO
    }
}
