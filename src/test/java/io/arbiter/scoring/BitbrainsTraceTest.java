package io.arbiter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BitbrainsTraceTest {

    /** Read from the shared data folder beside the project, never copied into it. */
    private static final Path VM_5_AUGUST = Path.of("..", "shared", "data", "bitbrains-rnd", "2013-8", "5.csv.gz");
    private static final String HEADER = "Timestamp [ms];\tCPU cores;\tCPU capacity provisioned [MHZ];\tCPU usage [MHZ];\t"
            + "CPU usage [%];\tMemory capacity provisioned [KB];\tMemory usage [KB];\tDisk read throughput [KB/s];\t"
            + "Disk write throughput [KB/s];\tNetwork received throughput [KB/s];\tNetwork transmitted throughput [KB/s]";

    private static List<TraceSample> parse(String... rows) throws IOException {
        String text = HEADER + "\n" + String.join("\n", rows) + "\n";
        return BitbrainsTrace.parse(new BufferedReader(new StringReader(text)), "test.csv");
    }

    @Test
    void theRealAugustTraceOfVm5IsReadInFull() throws IOException {
        assertThat(VM_5_AUGUST).as("the Bitbrains traces beside the project folder").exists();

        List<TraceSample> samples = BitbrainsTrace.read(VM_5_AUGUST);

        assertThat(samples).hasSize(8623);
        TraceSample first = samples.get(0);
        assertThat(first.time()).isEqualTo(Instant.ofEpochSecond(1375308176));
        assertThat(first.cores()).isEqualTo(1);
        assertThat(first.cpu()).isCloseTo(197.01729926266668 / 2925.999494, within(1e-12));
        assertThat(first.memoryGiB()).isCloseTo(532674.6666666666 / 1024 / 1024, within(1e-12));
        assertThat(first.memoryCapacityGiB()).isEqualTo(2.0);
        assertThat(samples.get(samples.size() - 1).time()).isEqualTo(Instant.ofEpochSecond(1377899901));
        Set<Long> steps = new HashSet<>();
        for (int i = 1; i < samples.size(); i++) {
            steps.add(Duration.between(samples.get(i - 1).time(), samples.get(i).time()).toSeconds());
        }
        assertThat(steps).contains(299L, 300L, 301L, 600L).allSatisfy(step -> assertThat(step).isPositive());
    }

    @Test
    void numbersInExponentFormAndTabsAfterSemicolonsAreRead() throws IOException {
        TraceSample sample = parse("1375308176;\t4;\t10399.997216;\t1.0399997216E3;\t10.0;\t1.6777216E7;\t"
                + "8.388608E6;\t0.0;\t0.0;\t1.0E2;\t2.5E1").get(0);

        assertThat(sample.cpu()).isCloseTo(0.4, within(1e-12));
        assertThat(sample.memoryCapacityGiB()).isEqualTo(16.0);
        assertThat(sample.memoryGiB()).isEqualTo(8.0);
        assertThat(sample.networkMbps()).isCloseTo(125 * 1024 * 8 / 1e6, within(1e-12));
    }

    @Test
    void timestampsAreSecondsDespiteTheHeader() throws IOException {
        assertThat(parse(row(1375308176)).get(0).time()).isEqualTo(Instant.parse("2013-07-31T22:02:56Z"));
        assertThatThrownBy(() -> parse(row(1375308176000L))).hasMessageContaining("test.csv:2").hasMessageContaining("seconds");
    }

    @Test
    void rowsAreOrderedByTimeAndARepeatedTimestampKeepsItsFirstRow() throws IOException {
        List<TraceSample> samples = parse(row(600, 1), row(300, 2), row(600, 3), row(1200, 4));

        assertThat(samples).extracting(s -> s.time().getEpochSecond()).containsExactly(300L, 600L, 1200L);
        assertThat(samples).extracting(TraceSample::cpuUsageMHz).containsExactly(2.0, 1.0, 4.0);
    }

    @Test
    void aMalformedRowIsReportedWithItsLine() {
        assertThatThrownBy(() -> parse(row(300), "600;\t1;\t2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("test.csv:3:");
        assertThatThrownBy(() -> parse(row(300).replace("2925.9", "n/a")))
                .hasMessageContaining("test.csv:2").hasMessageContaining("n/a");
    }

    @Test
    void aRowWithoutCapacityUsesNoCpu() throws IOException {
        assertThat(parse("300;\t0;\t0;\t100;\t0;\t0;\t0;\t0;\t0;\t0;\t0").get(0).cpu()).isZero();
    }

    private static String row(long second) {
        return row(second, 100);
    }

    private static String row(long second, double cpuMHz) {
        return second + ";\t1;\t2925.9;\t" + cpuMHz + ";\t3.4;\t2097152.0;\t532674.6;\t0.0;\t9.6;\t0.0;\t0.0";
    }
}
