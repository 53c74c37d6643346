package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.lint.config.CollectorVersion;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector release read from a binary's Go build info, and everything that is not one. */
class GoBuildInfoTest {
    @TempDir
    Path dir;

    private Path binary(byte[] content) {
        return GoBinaryFixture.write(dir.resolve("otelcol-contrib"), content);
    }

    @Test
    void theOtelcolModuleVersionIsTheRelease() {
        Path exe = binary(GoBinaryFixture.elf(".go.buildinfo",
                GoBinaryFixture.buildInfo("go1.24.4", GoBinaryFixture.modules("v0.131.0"), true), true, ByteOrder.LITTLE_ENDIAN));
        assertThat(GoBuildInfo.modules(exe)).get().asString().contains("dep\tgo.opentelemetry.io/collector/otelcol\tv0.131.0");
        assertThat(GoBuildInfo.collectorRelease(exe)).contains(CollectorVersion.parse("0.131.0"));
    }

    @Test
    void a32BitBigEndianBinaryIsReadToo() {
        Path exe = binary(GoBinaryFixture.elf(".go.buildinfo",
                GoBinaryFixture.buildInfo("go1.22.1", GoBinaryFixture.modules("v0.120.1"), true), false, ByteOrder.BIG_ENDIAN));
        assertThat(GoBuildInfo.collectorRelease(exe)).contains(CollectorVersion.parse("0.120.1"));
    }

    @Test
    void olderCollectorsNameTheirSingleModule() {
        assertThat(GoBuildInfo.release("mod\tgo.opentelemetry.io/collector/cmd/otelcorecol\t(devel)\t\n"
                + "dep\tgo.opentelemetry.io/collector\tv0.75.0\th1:x=\n")).contains(CollectorVersion.parse("0.75.0"));
        // otelcol wins over the root module (both are listed in releases around the split)
        assertThat(GoBuildInfo.release("dep\tgo.opentelemetry.io/collector\tv0.90.1\th1:x=\n"
                + "dep\tgo.opentelemetry.io/collector/otelcol\tv0.91.0\th1:y=\n")).contains(CollectorVersion.parse("0.91.0"));
        // the 1.x modules (pdata, component) are not the collector's release
        assertThat(GoBuildInfo.release("dep\tgo.opentelemetry.io/collector/pdata\tv1.40.0\th1:x=\n")).isEmpty();
    }

    @Test
    void whatIsNotAGoCollectorBinaryGivesNoRelease() {
        // a Go binary of something else
        assertThat(GoBuildInfo.collectorRelease(binary(GoBinaryFixture.elf(".go.buildinfo", GoBinaryFixture.buildInfo(
                "go1.23.6", "path\tgithub.com/example/tool\nmod\tgithub.com/example/tool\t(devel)\t\n", true),
                true, ByteOrder.LITTLE_ENDIAN)))).isEmpty();
        // Go before 1.18 (pointers, not inline strings)
        assertThat(GoBuildInfo.collectorRelease(binary(GoBinaryFixture.elf(".go.buildinfo",
                GoBinaryFixture.buildInfo("go1.17", GoBinaryFixture.modules("v0.40.0"), false), true,
                ByteOrder.LITTLE_ENDIAN)))).isEmpty();
        // an ELF file without the section, a script, an empty file, a missing file
        assertThat(GoBuildInfo.collectorRelease(binary(GoBinaryFixture.elf(".rodata",
                "dep\tgo.opentelemetry.io/collector/otelcol\tv0.1.0".getBytes(StandardCharsets.US_ASCII), true,
                ByteOrder.LITTLE_ENDIAN)))).isEmpty();
        assertThat(GoBuildInfo.collectorRelease(binary("#!/bin/sh\nexec otelcol \"$@\"\n".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
        assertThat(GoBuildInfo.collectorRelease(binary(new byte[0]))).isEmpty();
        assertThat(GoBuildInfo.collectorRelease(dir.resolve("gone"))).isEmpty();
    }

    @Test
    void truncatedOrHostileHeadersAreRefusedWithinTheirCaps() {
        byte[] good = GoBinaryFixture.elf(".go.buildinfo",
                GoBinaryFixture.buildInfo("go1.24.4", GoBinaryFixture.modules("v0.131.0"), true), true, ByteOrder.LITTLE_ENDIAN);
        for (int cut : new int[] {16, 64, good.length / 2, good.length - 1}) {
            assertThat(GoBuildInfo.collectorRelease(binary(Arrays.copyOf(good, cut)))).as("cut at %d", cut).isEmpty();
        }
        byte[] hostile = good.clone();
        hostile[0x3C] = (byte) 0xff; // 65535 section headers
        hostile[0x3D] = (byte) 0xff;
        assertThat(GoBuildInfo.collectorRelease(binary(hostile))).isEmpty();
        byte[] farAway = good.clone();
        for (int i = 0x28; i < 0x30; i++) {
            farAway[i] = (byte) 0x7f; // section headers "at" 9 EB
        }
        assertThat(GoBuildInfo.collectorRelease(binary(farAway))).isEmpty();
    }
}
