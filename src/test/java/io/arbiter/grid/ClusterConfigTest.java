package io.arbiter.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.PartitionGroupConfig;
import io.arbiter.testing.ProjectDir;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The member configurations shipped in cluster-config/ load and say what the README promises. */
class ClusterConfigTest {

    @Test
    void theLocalConfigurationJoinsNoNetwork() throws Exception {
        Config config = Config.loadFromFile(ProjectDir.path().resolve("cluster-config/local.yaml").toFile());

        var join = config.getNetworkConfig().getJoin();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    }

    @Test
    void theClusterConfigurationIsZoneAwareWithBackupsAndMajorityProtectionOnDecisions() throws Exception {
        Config config = Config.loadFromFile(ProjectDir.path().resolve("cluster-config/cluster.yaml").toFile());

        assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(config.getPartitionGroupConfig().isEnabled()).isTrue();
        assertThat(config.getPartitionGroupConfig().getGroupType())
                .isEqualTo(PartitionGroupConfig.MemberGroupType.ZONE_AWARE);
        assertThat(config.getMapConfig(GridMaps.PLATFORMS).getBackupCount()).isGreaterThanOrEqualTo(1);
        assertThat(config.getMapConfig(GridMaps.DECISIONS).getSplitBrainProtectionName())
                .isEqualTo("decisions-need-majority");
        assertThat(config.getMapConfig(GridMaps.ACTIONS).getSplitBrainProtectionName())
                .isEqualTo("decisions-need-majority");
        assertThat(config.getSplitBrainProtectionConfig("decisions-need-majority").getMinimumClusterSize()).isEqualTo(2);
        assertThat(Integer.parseInt(config.getProperty("hazelcast.max.no.heartbeat.seconds"))).isLessThanOrEqualTo(10);
    }
}
