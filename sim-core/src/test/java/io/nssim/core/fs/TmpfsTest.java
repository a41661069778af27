package io.nssim.core.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nssim.core.Errno;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TmpfsTest {
    private final Tmpfs fs = new Tmpfs();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldTruncateOrAppendAsOpenFlagsSay() {
        fs.writeFile(null, "/tmp/f", b("one\n"), false).get();
        fs.writeFile(null, "/tmp/f", b("two\n"), true).get();
        assertArrayEquals(b("one\ntwo\n"), fs.readFile(null, "/tmp/f").get());
        fs.writeFile(null, "/tmp/f", b("three\n"), false).get();
        assertArrayEquals(b("three\n"), fs.readFile(null, "/tmp/f").get());
    }

    @Test
    void shouldReturnTheKernelsErrnos() {
        assertEquals(Errno.ENOENT, fs.readFile(null, "/tmp/missing").error().errno());
        assertEquals(Errno.EISDIR, fs.readFile(null, "/tmp").error().errno());
        assertEquals(Errno.ENOENT, fs.writeFile(null, "/nodir/f", b("x"), false).error().errno());
        fs.writeFile(null, "/tmp/f", b("x"), false).get();
        assertEquals(Errno.ENOTDIR, fs.readFile(null, "/tmp/f/g").error().errno());
        assertEquals(Errno.EEXIST, fs.mkdir(null, "/tmp").error().errno());
        fs.mkdir(null, "/tmp/d").get();
        fs.writeFile(null, "/tmp/d/x", b("x"), false).get();
        assertEquals(Errno.ENOTEMPTY, fs.rmdir(null, "/tmp/d").error().errno());
        assertEquals(Errno.EINVAL, fs.readlink(null, "/tmp/f").error().errno());
    }

    @Test
    void shouldSwallowWritesToDevNull() {
        fs.writeFile(null, "/dev/null", b("gone"), false).get();
        assertEquals(0, fs.readFile(null, "/dev/null").get().length);
    }

    @Test
    void shouldListNewestFirstAsTmpfsDoes() {
        fs.mkdir(null, "/tmp/d").get();
        for (String n : List.of("a", "b", "c")) {
            fs.writeFile(null, "/tmp/d/" + n, b(n), false).get();
        }
        assertEquals(List.of("c", "b", "a"), fs.readdir(null, "/tmp/d").get().stream().map(Vfs.DirEntry::name).toList());
    }

    @Test
    void shouldFollowSymlinksAndStopLoops() {
        assertEquals("/run", fs.readlink(null, "/var/run").get());
        fs.writeFile(null, "/var/run/x", b("via link"), false).get();
        assertArrayEquals(b("via link"), fs.readFile(null, "/run/x").get());
        fs.symlink(null, "/tmp/l2", "/tmp/l1").get();
        fs.symlink(null, "/tmp/l1", "/tmp/l2").get();
        assertEquals(Errno.ELOOP, fs.readFile(null, "/tmp/l1").error().errno());
        assertEquals(Vfs.FileType.SYMLINK, fs.stat(null, "/tmp/l1", false).get().type());
    }

    @Test
    void shouldRefuseAFileBeyondTheSizeLimit() {
        byte[] big = new byte[Tmpfs.MAX_FILE_BYTES];
        fs.writeFile(null, "/tmp/big", big, false).get();
        assertEquals(Errno.ENOSPC, fs.writeFile(null, "/tmp/big", b("x"), true).error().errno());
        assertEquals(Tmpfs.MAX_FILE_BYTES, fs.stat(null, "/tmp/big", true).get().size());
    }
}
