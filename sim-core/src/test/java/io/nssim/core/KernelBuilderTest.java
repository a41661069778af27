package io.nssim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.nssim.core.net.Net;
import io.nssim.core.net.NetState;
import io.nssim.core.pernet.PernetOperations;
import io.nssim.core.ref.RefTracking;
import io.nssim.core.task.Task;
import io.nssim.core.testing.CallLog;
import io.nssim.core.testing.KernelFixture;
import io.nssim.core.testing.RecordingPernetOps;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kernel object: a validating builder, a fresh machine per instance, no static mutable state. */
class KernelBuilderTest {
    @RegisterExtension
    final KernelFixture kernels = new KernelFixture();

    @Test
    void shouldRejectNonPositiveMaxNetNamespaces() {
        Kernel.Builder b = Kernel.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.maxNetNamespaces(0));
        assertEquals("maxNetNamespaces must be positive: 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.maxNetNamespaces(-5));
    }

    @Test
    void shouldRejectMissingOrRepeatedParts() {
        assertThrows(NullPointerException.class, () -> Kernel.builder().refTracking(null));
        assertThrows(NullPointerException.class, () -> Kernel.builder().loopback(null));
        assertThrows(NullPointerException.class, () -> Kernel.builder().module(null));
        KernelModule lo = new KernelModule() {
            @Override
            public String name() {
                return "lo";
            }

            @Override
            public Result<Void> init(Kernel kernel) {
                return Result.ok();
            }
        };
        Kernel.Builder b = Kernel.builder().loopback(lo);
        assertThrows(IllegalStateException.class, () -> b.loopback(lo));
        KernelModule m = new KernelModule() {
            @Override
            public String name() {
                return "m";
            }

            @Override
            public Result<Void> init(Kernel kernel) {
                return Result.ok();
            }
        };
        Kernel.Builder withModule = Kernel.builder().module(m);
        assertThrows(IllegalArgumentException.class, () -> withModule.module(m));
    }

    @Test
    void shouldBootWithInitNetAndPidOne() {
        Kernel k = kernels.boot();
        Net init = k.initNet();

        assertEquals(List.of(init), k.netns().netList());
        assertEquals(List.of(init), k.netns().allocated());
        assertEquals(NetState.ALIVE, init.state());
        assertTrue(init.isInitNet());
        assertEquals(4026531833L, init.inode());
        assertEquals("net:[4026531833]", init.toString());
        Task pid1 = k.init();
        assertEquals(1, pid1.pid());
        assertSame(init, pid1.net());
        assertEquals(2, init.count().count(), "the static reference and pid 1's nsproxy");
        assertEquals(1, init.passive().count());
        assertEquals(List.of("lo"), init.devices().list().stream().map(d -> d.name()).toList());
        assertEquals(List.of("fake_loopback_net_ops", "default_device_ops"),
                k.netns().pernet().inOrder().stream().map(PernetOperations::name).toList());
        assertEquals(List.of(), k.checkInvariants());
        assertEquals(List.of(), k.checkLeaks());
    }

    @Test
    void shouldFailBootWhenAModuleFails() {
        KernelModule broken = new KernelModule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Result<Void> init(Kernel kernel) {
                return Result.err(Errno.ENOMEM);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Kernel.builder().module(broken).build());
        assertEquals("kernel operation failed: ENOMEM", e.getMessage());
    }

    @Test
    void shouldLoadModulesInOrderAndRunTheirInitsOnExistingNets() {
        CallLog log = new CallLog();
        RecordingPernetOps a = new RecordingPernetOps("A", log);
        RecordingPernetOps b = new RecordingPernetOps("B", log);
        Kernel k = kernels.boot(builder -> builder.module(module("a", a, false)).module(module("b", b, true)));

        assertEquals(List.of("init A net:[4026531833]", "init B net:[4026531833]"), log.lines());
        assertEquals(List.of("A", "fake_loopback_net_ops", "default_device_ops", "B"),
                k.netns().pernet().inOrder().stream().map(PernetOperations::name).toList());
        // The builder's loopback module loads first, before default_device_ops and the modules given.
        assertEquals(List.of("fake_loopback", "a", "b"), k.modules().stream().map(KernelModule::name).toList());
    }

    private static KernelModule module(String name, PernetOperations ops, boolean device) {
        return new KernelModule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result<Void> init(Kernel kernel) {
                return device ? kernel.registerPernetDevice(ops) : kernel.registerPernetSubsys(ops);
            }

            @Override
            public void exit(Kernel kernel) {
                kernel.unregisterPernet(ops);
            }
        };
    }

    @Test
    void shouldRunTwoKernelsSideBySide() {
        Kernel k1 = kernels.boot();
        Kernel k2 = kernels.boot();
        Task t1 = k1.tasks().forkNewNet(k1.init(), "a").orElseThrow();

        assertNotSame(k1.initNet(), k2.initNet());
        assertEquals(2, k1.netns().netList().size());
        assertEquals(1, k2.netns().netList().size());
        assertEquals(2, k1.tasks().list().size());
        assertEquals(1, k2.tasks().list().size());
        Task t2 = k2.tasks().forkNewNet(k2.init(), "a").orElseThrow();
        assertEquals(t1.net().inode(), t2.net().inode(), "each kernel allocates its own inode numbers");
        assertEquals(t1.pid(), t2.pid(), "each kernel allocates its own pids");
        k1.tasks().exit(t1, 0);
        k1.advance(Duration.ofSeconds(1));
        assertEquals(NetState.ALIVE, t2.net().state(), "cleanup in one kernel leaves the other alone");
        assertEquals(1, k1.netns().netList().size());
    }

    @Test
    void shouldShareAStaticNetGenericKeyBetweenKernels() {
        Kernel k1 = kernels.boot();
        Kernel k2 = kernels.boot();
        SharedKeyOps ops1 = new SharedKeyOps();
        SharedKeyOps ops2 = new SharedKeyOps();
        k1.registerPernetSubsys(ops1).orElseThrow();
        k2.registerPernetSubsys(ops2).orElseThrow();

        k1.initNet().generic(SharedKeyOps.KEY).append("k1");
        k2.initNet().generic(SharedKeyOps.KEY).append("k2");

        assertEquals("k1", k1.initNet().generic(SharedKeyOps.KEY).toString());
        assertEquals("k2", k2.initNet().generic(SharedKeyOps.KEY).toString());
        k1.unregisterPernet(ops1);
        k2.unregisterPernet(ops2);
    }

    static final class SharedKeyOps implements PernetOperations {
        static final io.nssim.core.pernet.NetGenericKey<StringBuilder> KEY =
                new io.nssim.core.pernet.NetGenericKey<>("shared", StringBuilder.class, StringBuilder::new);

        @Override
        public String name() {
            return "shared_key_ops";
        }

        @Override
        public io.nssim.core.pernet.NetGenericKey<?> genericKey() {
            return KEY;
        }
    }

    @Test
    void shouldBeDeterministicForTheSameSeed() {
        Kernel k1 = kernels.boot(b -> b.seed(42));
        Kernel k2 = kernels.boot(b -> b.seed(42));
        Kernel k3 = kernels.boot(b -> b.seed(43));

        long r1 = k1.random().nextLong();
        assertEquals(r1, k2.random().nextLong());
        org.junit.jupiter.api.Assertions.assertNotEquals(r1, k3.random().nextLong());
        assertEquals(42, k1.seed());
        for (Kernel k : List.of(k1, k2)) {
            k.netnsNames().add(k.init(), "a").get();
            k.netnsNames().add(k.init(), "b").get();
        }
        assertEquals(io.nssim.core.testing.KernelSnapshot.of(k1), io.nssim.core.testing.KernelSnapshot.of(k2));
    }

    @Test
    void shouldKeepTrackingSettingOfTheBuilder() {
        Kernel on = kernels.boot();
        Kernel off = kernels.boot(b -> b.refTracking(RefTracking.OFF));

        assertEquals(RefTracking.ON, on.refTracking());
        assertEquals(RefTracking.OFF, off.refTracking());
        assertEquals(2, on.initNet().count().holders().size());
        assertEquals(0, off.initNet().count().holders().size());
        assertEquals(2, off.initNet().count().count());
    }

    private static Object valueOf(Field f) {
        try {
            f.setAccessible(true);
            return f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Whether {@code v} can never change: a constant type, an immutable collection of such values, an empty
     * array, or an object whose fields are all final and hold such values (records of constants, for one).
     */
    private static boolean deeplyImmutable(Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean
                || v instanceof Character || v instanceof Enum<?> || v instanceof Class<?>
                || v instanceof java.time.Duration || v instanceof StackWalker
                || v instanceof java.lang.invoke.VarHandle
                || v instanceof io.nssim.core.pernet.NetGenericKey<?>) {
            return true;
        }
        if (depth > 4) {
            return false;
        }
        Class<?> c = v.getClass();
        if (c.isArray()) {
            return java.lang.reflect.Array.getLength(v) == 0;
        }
        if (c.getName().contains("Immutable")) {
            if (v instanceof java.util.Map<?, ?> m) {
                return m.entrySet().stream().allMatch(e -> deeplyImmutable(e.getKey(), depth + 1)
                        && deeplyImmutable(e.getValue(), depth + 1));
            }
            return v instanceof Iterable<?> it && java.util.stream.StreamSupport.stream(it.spliterator(), false)
                    .allMatch(x -> deeplyImmutable(x, depth + 1));
        }
        if (!c.getName().startsWith("io.nssim.")) {
            return false;
        }
        for (Class<?> k = c; k != Object.class && k != Record.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                if (!Modifier.isFinal(f.getModifiers())) {
                    return false;
                }
                try {
                    f.setAccessible(true);
                    Object fv = f.get(v);
                    if (fv != null && fv.getClass().isArray() && Modifier.isPrivate(f.getModifiers())) {
                        // An encapsulated table (an immutable hash table's slots): its elements must be constant.
                        if (!fv.getClass().getComponentType().isPrimitive()) {
                            for (int i = 0; i < java.lang.reflect.Array.getLength(fv); i++) {
                                if (!deeplyImmutable(java.lang.reflect.Array.get(fv, i), depth + 1)) {
                                    return false;
                                }
                            }
                        }
                    } else if (!deeplyImmutable(fv, depth + 1)) {
                        return false;
                    }
                } catch (IllegalAccessException | RuntimeException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every static field of the engine is final and holds a constant: no state is shared between kernels. */
    @Test
    void shouldHaveNoStaticMutableState() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, Kernel.class.getClassLoader());
                for (Field f : c.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (!Modifier.isStatic(mod) || f.isSynthetic() || f.isEnumConstant()) {
                        continue;
                    }
                    checked++;
                    Class<?> t = f.getType();
                    // A private constant table (never handed out) of primitives, strings or enums is fine.
                    boolean privateTable = Modifier.isPrivate(mod) && t.isArray()
                            && (t.getComponentType().isPrimitive() || t.getComponentType() == String.class
                            || t.getComponentType().isEnum());
                    boolean constant = t.isPrimitive() || privateTable || f.getName().equals("$VALUES")
                            || deeplyImmutable(valueOf(f), 0);
                    if (!Modifier.isFinal(mod) || !constant) {
                        offenders.add(name + "." + f.getName() + " : " + t.getSimpleName());
                    }
                }
            }
        }
        if (!offenders.isEmpty()) {
            fail("static state that kernels would share: " + offenders);
        }
        assertTrue(checked > 3, "the scan found the engine's classes (" + checked + " static fields)");
    }
}
