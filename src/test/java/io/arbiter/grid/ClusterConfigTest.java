package io.arbiter.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.PartitionGroupConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import io.arbiter.testing.ProjectDir;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;

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
        assertThat(config.getProperty("hazelcast.partition.count")).as("as the built-in single member has")
                .isEqualTo(GridMember.singleMemberConfig().getProperty("hazelcast.partition.count"));
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
        assertThat(config.getMapConfig(GridMaps.ROUTES).getSplitBrainProtectionName()).isEqualTo("routes-need-majority");
        assertThat(config.getSplitBrainProtectionConfig("routes-need-majority").getProtectOn())
                .as("the minority reads routes, never changes them").isEqualTo(SplitBrainProtectionOn.WRITE);
        assertThat(config.getSplitBrainProtectionConfig("routes-need-majority").getMinimumClusterSize()).isEqualTo(2);
        assertThat(Integer.parseInt(config.getProperty("hazelcast.max.no.heartbeat.seconds"))).isLessThanOrEqualTo(10);
        assertThat(Long.parseLong(config.getProperty("hazelcast.operation.backup.timeout.millis")))
                .as("a heal's merge operations have three times Hazelcast's 5 s for their backups").isEqualTo(15_000);
    }

    @Test
    void everyMapTheClusterConfigurationSetsUpIsAMapArbiterUses() throws Exception {
        Config config = Config.loadFromFile(ProjectDir.path().resolve("cluster-config/cluster.yaml").toFile());
        Set<String> used = new HashSet<>();
        for (Field f : GridMaps.class.getFields()) {
            if (f.getType() == String.class) {
                used.add((String) f.get(null));
            }
        }

        assertThat(config.getMapConfigs().keySet()).as("a setting on a map that does not exist protects nothing")
                .allMatch(name -> name.equals("default") || used.contains(name));
    }
}
