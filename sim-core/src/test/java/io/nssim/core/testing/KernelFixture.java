package io.nssim.core.testing;

import io.nssim.core.Kernel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Boots kernels for a test and, after it, checks each of them: the lifecycle invariants must hold, and after
 * {@link Teardown#reap} nothing may be left ({@link Kernel#assertNoLeaks()}): a test that leaks fails, as
 * Netty's leak-detecting extension fails tests that leak buffers. Use as
 * {@code @RegisterExtension final KernelFixture kernels = new KernelFixture();}. A test that breaks a kernel on
 * purpose opts that kernel out with {@link #unchecked}.
 */
public final class KernelFixture implements AfterEachCallback {
    private final List<Kernel> kernels = new ArrayList<>();
    private final Set<Kernel> unchecked = Collections.newSetFromMap(new IdentityHashMap<>());

    /** A kernel with tracking on, seed 1 and the fake loopback. */
    public Kernel boot() {
        return boot(b -> b);
    }

    /** A kernel from {@link FakeLoopback#builder()} after {@code config}. */
    public Kernel boot(UnaryOperator<Kernel.Builder> config) {
        Kernel k = config.apply(FakeLoopback.builder()).build();
        kernels.add(k);
        return k;
    }

    /** A kernel from a plain {@link Kernel#builder()} after {@code config} (no loopback). */
    public Kernel bootBare(UnaryOperator<Kernel.Builder> config) {
        Kernel k = config.apply(Kernel.builder()).build();
        kernels.add(k);
        return k;
    }

    /** Skips the after-test checks for {@code k}, which the test corrupts or leaks on purpose. */
    public Kernel unchecked(Kernel k) {
        unchecked.add(k);
        return k;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return;
        }
        try {
            for (Kernel k : kernels) {
                if (unchecked.contains(k)) {
                    continue;
                }
                k.assertInvariants();
                Teardown.reap(k);
                k.assertInvariants();
                k.assertNoLeaks();
            }
        } finally {
            kernels.clear();
            unchecked.clear();
        }
    }
}
