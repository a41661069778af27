package io.nssim.core.dev;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/**
 * {@code struct ethtool_ops}: what a driver tells ethtool about one of its devices. A driver without
 * {@code get_drvinfo} (loopback) answers EOPNOTSUPP to {@code ethtool -i}; one without statistics strings
 * answers {@code ethtool -S} with none ("no stats available").
 */
public interface EthtoolOps {
    /**
     * {@code struct ethtool_drvinfo} as {@code get_drvinfo} fills it (empty strings where the driver leaves a
     * field alone). {@code supports-statistics} is whether the driver has statistics strings.
     */
    record DrvInfo(String driver, String version, String fwVersion, String busInfo) {
        public DrvInfo {
            checkNotNull(driver, "driver");
            checkNotNull(version, "version");
            checkNotNull(fwVersion, "fwVersion");
            checkNotNull(busInfo, "busInfo");
        }
    }

    /** One of {@code get_strings(ETH_SS_STATS)} with its {@code get_ethtool_stats} value. */
    record Stat(String name, long value) {
        public Stat {
            checkNotNull(name, "name");
        }
    }

    /** {@code get_drvinfo}; empty for a driver without it. */
    Optional<DrvInfo> getDrvinfo(NetDevice dev);

    /** {@code get_sset_count(ETH_SS_STATS)} + {@code get_strings} + {@code get_ethtool_stats}, in the driver's order. */
    default List<Stat> getEthtoolStats(NetDevice dev) {
        return List.of();
    }
}
