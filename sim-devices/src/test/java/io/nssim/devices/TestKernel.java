package io.nssim.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.nssim.core.Kernel;
import io.nssim.core.Result;
import io.nssim.core.dev.LinkEvent;
import io.nssim.core.dev.LinkRequest;
import io.nssim.core.dev.NetDevice;
import io.nssim.core.event.KernelEvent;
import io.nssim.core.net.Net;
import io.nssim.core.net.NetRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A standard kernel for device tests, with helpers to make and drop nets and to watch events and the log. */
public final class TestKernel {
    public final Kernel k;
    private final Map<Net, NetRef> refs = new IdentityHashMap<>();
    private final List<LinkEvent> links = new ArrayList<>();

    public TestKernel(Kernel k) {
        this.k = k;
        k.events().subscribe(e -> {
            if (e instanceof LinkEvent l) {
                links.add(l);
            }
        });
    }

    public static TestKernel boot() {
        return new TestKernel(StandardKernel.boot(42));
    }

    /** {@code unshare -n} held by the test: a fresh net with lo. */
    public Net newNet() {
        NetRef ref = k.netns().copyNetNs("test holder").orElseThrow();
        refs.put(ref.net(), ref);
        return ref.net();
    }

    /** Drops the test's reference: the net is queued for the cleanup worker (which runs as time advances). */
    public void dropNet(Net net) {
        NetRef ref = refs.remove(net);
        k.putNet(ref);
    }

    public void advance(Duration d) {
        k.advance(d);
    }

    public void advanceMillis(long ms) {
        k.advance(Duration.ofMillis(ms));
    }

    public Result<NetDevice> add(Net net, String kind, LinkRequest req) {
        return k.netdev().rtnlNewlink(net, kind, req);
    }

    public NetDevice dev(Net net, String name) {
        return k.netdev().getByName(net, name);
    }

    public ImmutableList<String> log() {
        return k.log().lines().stream().map(KernelEvent.Log::line).collect(ImmutableList.toImmutableList());
    }

    public boolean logContains(String line) {
        return log().contains(line);
    }

    /** RTM_NEWLINK/RTM_DELLINK events seen so far, as "new NAME@net" / "del NAME@net". */
    public List<LinkEvent> links() {
        return links;
    }

    public void clearLinks() {
        links.clear();
    }

    public ImmutableList<String> deletedNames() {
        return links.stream().filter(LinkEvent::deleted).map(l -> l.dev().name())
                .collect(ImmutableList.toImmutableList());
    }

    public void assertInvariants() {
        List<String> broken = k.checkInvariants();
        assertTrue(broken.isEmpty(), () -> "broken lifecycle rules: " + broken);
    }

    /** Names in the net's list order. */
    public static ImmutableList<String> names(Net net) {
        return net.devices().list().stream().map(NetDevice::name).collect(ImmutableList.toImmutableList());
    }

    public static void assertErr(Result<?> r, io.nssim.core.Errno errno, String extack) {
        assertTrue(r.isErr(), () -> "expected " + errno + " but got " + r);
        assertEquals(errno, r.error().errno());
        assertEquals(extack, r.error().extack());
    }
}
