package dev.otlpdoctor.probe.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for a Go collector binary: an ELF file with the sections a Go 1.18+ linker writes that
 * GoBuildInfo reads ({@code .shstrtab}, {@code .go.buildinfo}), laid out as in the ELF specification and
 * src/debug/buildinfo: the 32-byte header (magic, pointer size, flags with "inline strings"), then the Go
 * version and the module list as length-prefixed strings, the list between the linker's 16-byte sentinels
 * (these values were read from a real Go binary).
 */
public final class GoBinaryFixture {
    private static final byte[] START = hex("3077af0c9274080241e1c107e6d618e6");
    private static final byte[] END = hex("f932433186182072008242104116d8f2");

    private GoBinaryFixture() {
    }

    /** The module list of a collector distribution built with the given otelcol release. */
    static String modules(String otelcolVersion) {
        return "path\tgithub.com/open-telemetry/opentelemetry-collector-releases/contrib\n"
                + "mod\tgithub.com/open-telemetry/opentelemetry-collector-releases/contrib\t(devel)\t\n"
                + "dep\tgo.opentelemetry.io/collector/component\tv1.40.0\th1:AAAA=\n"
                + "dep\tgo.opentelemetry.io/collector/otelcol\t" + otelcolVersion + "\th1:BBBB=\n"
                + "dep\tgo.opentelemetry.io/collector/pdata\tv1.40.0\th1:CCCC=\n"
                + "build\t-buildmode=exe\nbuild\tGOARCH=amd64\nbuild\tGOOS=linux\n";
    }

    /** The .go.buildinfo section of a Go 1.18+ binary ({@code inline}: flags bit 2, else pointers). */
    static byte[] buildInfo(String goVersion, String modules, boolean inline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
        out.write(8);
        out.write(inline ? 2 : 0);
        out.writeBytes(new byte[16]);
        byte[] version = goVersion.getBytes(StandardCharsets.UTF_8);
        uvarint(out, version.length);
        out.writeBytes(version);
        byte[] mod = modules.getBytes(StandardCharsets.UTF_8);
        uvarint(out, START.length + mod.length + END.length);
        out.writeBytes(START);
        out.writeBytes(mod);
        out.writeBytes(END);
        return out.toByteArray();
    }

    /** An ELF file (64-bit little-endian, or 32-bit big-endian) with one data section besides the name table. */
    static byte[] elf(String sectionName, byte[] section, boolean wide, ByteOrder order) {
        byte[] names = ("\0.shstrtab\0" + sectionName + "\0").getBytes(StandardCharsets.US_ASCII);
        int headerSize = wide ? 64 : 52;
        int entrySize = wide ? 64 : 40;
        int namesAt = headerSize;
        int sectionAt = align(namesAt + names.length);
        int tableAt = align(sectionAt + section.length);
        ByteBuffer out = ByteBuffer.allocate(tableAt + 3 * entrySize).order(order);
        out.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (wide ? 2 : 1), (byte) (order == ByteOrder.BIG_ENDIAN ? 2 : 1), 1});
        out.putShort(16, (short) 2); // ET_EXEC
        out.putShort(18, (short) (wide ? 62 : 8)); // x86-64, MIPS
        if (wide) {
            out.putLong(0x28, tableAt);
            out.putShort(0x34, (short) headerSize);
            out.putShort(0x3A, (short) entrySize);
            out.putShort(0x3C, (short) 3);
            out.putShort(0x3E, (short) 1);
        } else {
            out.putInt(0x20, tableAt);
            out.putShort(0x28, (short) headerSize);
            out.putShort(0x2E, (short) entrySize);
            out.putShort(0x30, (short) 3);
            out.putShort(0x32, (short) 1);
        }
        out.put(namesAt, names);
        out.put(sectionAt, section);
        entry(out, tableAt + entrySize, wide, 1, 3, namesAt, names.length); // SHT_STRTAB
        entry(out, tableAt + 2 * entrySize, wide, 11, 1, sectionAt, section.length); // SHT_PROGBITS
        return out.array();
    }

    /** A little-endian 64-bit Go binary whose build info names collector {@code otelcolVersion}, written to {@code file}. */
    public static Path collector(Path file, String otelcolVersion) {
        return write(file, elf(".go.buildinfo", buildInfo("go1.24.4", modules(otelcolVersion), true), true,
                java.nio.ByteOrder.LITTLE_ENDIAN));
    }

    static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ByteBuffer out, int at, boolean wide, int name, int type, int offset, int size) {
        out.putInt(at, name);
        out.putInt(at + 4, type);
        if (wide) {
            out.putLong(at + 24, offset);
            out.putLong(at + 32, size);
        } else {
            out.putInt(at + 16, offset);
            out.putInt(at + 20, size);
        }
    }

    private static int align(int n) {
        return (n + 15) & ~15;
    }

    private static void uvarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
