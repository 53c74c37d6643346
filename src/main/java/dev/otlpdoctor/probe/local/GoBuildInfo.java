package dev.otlpdoctor.probe.local;

import dev.otlpdoctor.lint.config.CollectorVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector release a Go binary was built from, read from the build information the Go linker embeds
 * (the {@code .go.buildinfo} ELF section, Go 1.18 and later: src/debug/buildinfo/buildinfo.go). Its module
 * list names the version of {@code go.opentelemetry.io/collector/otelcol} every distribution (otelcol,
 * otelcol-contrib, builder-made ones) is built with. Only the ELF header, the section headers, the section
 * name table and that one section are read, each with a cap: never the whole binary (about 300 MB for
 * otelcol-contrib).
 */
final class GoBuildInfo {
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final byte[] BUILDINFO_MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    /** The inline-strings flag of the buildinfo header (Go 1.18+); older binaries hold pointers instead. */
    private static final int FLAG_INLINE = 0x2;
    private static final int BUILDINFO_HEADER = 32;
    private static final int TABLE_CAP = 1024 * 1024;
    private static final int SECTION_CAP = 2 * 1024 * 1024;
    /** The otelcol module, and before it was split out (v0.8x and earlier) the collector's single module. */
    private static final Pattern OTELCOL = Pattern.compile(
            "^(?:dep|mod)\\tgo\\.opentelemetry\\.io/collector/otelcol\\t(v0\\.\\d+\\.\\d+)\\S*", Pattern.MULTILINE);
    private static final Pattern COLLECTOR = Pattern.compile(
            "^(?:dep|mod)\\tgo\\.opentelemetry\\.io/collector\\t(v0\\.\\d+\\.\\d+)\\S*", Pattern.MULTILINE);

    private GoBuildInfo() {
    }

    /** The collector release the binary at {@code exe} was built from, if it is a Go ELF binary that says so. */
    static Optional<CollectorVersion> collectorRelease(Path exe) {
        return modules(exe).flatMap(GoBuildInfo::release);
    }

    /** The release named by a module list ({@code mod}/{@code dep} lines), if it names the collector. */
    static Optional<CollectorVersion> release(String modules) {
        for (Pattern module : new Pattern[] {OTELCOL, COLLECTOR}) {
            Matcher m = module.matcher(modules);
            if (m.find()) {
                return Optional.of(CollectorVersion.parse(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The module list embedded in the binary, or empty when it is not a readable Go 1.18+ ELF binary. */
    static Optional<String> modules(Path exe) {
        try (FileChannel in = FileChannel.open(exe, StandardOpenOption.READ)) {
            return section(in, ".go.buildinfo").flatMap(GoBuildInfo::inlineModules);
        } catch (IOException | RuntimeException e) {
            // not readable (another user's process needs root), gone, or not an ELF file we understand
            return Optional.empty();
        }
    }

    /** The bytes of the named section, found through the section header table and its name table. */
    private static Optional<ByteBuffer> section(FileChannel in, String name) throws IOException {
        ByteBuffer ident = read(in, 0, 64);
        if (ident.remaining() < 64 || !startsWith(ident, ELF_MAGIC)) {
            return Optional.empty();
        }
        boolean wide = ident.get(4) == 2;
        ident.order(ident.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long tableOffset = wide ? ident.getLong(0x28) : Integer.toUnsignedLong(ident.getInt(0x20));
        int entrySize = Short.toUnsignedInt(ident.getShort(wide ? 0x3A : 0x2E));
        int count = Short.toUnsignedInt(ident.getShort(wide ? 0x3C : 0x30));
        int namesIndex = Short.toUnsignedInt(ident.getShort(wide ? 0x3E : 0x32));
        if (count == 0 || namesIndex >= count || entrySize < (wide ? 64 : 40) || (long) count * entrySize > TABLE_CAP) {
            return Optional.empty();
        }
        ByteBuffer table = read(in, tableOffset, count * entrySize).order(ident.order());
        if (table.remaining() < count * entrySize) {
            return Optional.empty();
        }
        ByteBuffer names = sectionBytes(in, table, namesIndex * entrySize, wide, TABLE_CAP);
        byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            int nameOffset = table.getInt(i * entrySize);
            if (nameOffset >= 0 && nameOffset + wanted.length < names.limit()
                    && startsWith(names.duplicate().position(nameOffset), wanted) && names.get(nameOffset + wanted.length) == 0) {
                return Optional.of(sectionBytes(in, table, i * entrySize, wide, SECTION_CAP));
            }
        }
        return Optional.empty();
    }

    private static ByteBuffer sectionBytes(FileChannel in, ByteBuffer table, int entry, boolean wide, int cap)
            throws IOException {
        long offset = wide ? table.getLong(entry + 24) : Integer.toUnsignedLong(table.getInt(entry + 16));
        long size = wide ? table.getLong(entry + 32) : Integer.toUnsignedLong(table.getInt(entry + 20));
        return read(in, offset, (int) Math.min(Math.max(size, 0), cap));
    }

    /** The module list of a Go 1.18+ buildinfo section: two length-prefixed strings after a 32-byte header. */
    private static Optional<String> inlineModules(ByteBuffer section) {
        if (section.remaining() < BUILDINFO_HEADER || !startsWith(section, BUILDINFO_MAGIC)
                || (section.get(BUILDINFO_MAGIC.length + 1) & FLAG_INLINE) == 0) {
            return Optional.empty();
        }
        section.position(BUILDINFO_HEADER);
        skip(section, uvarint(section)); // the Go version, e.g. go1.24.4
        int length = (int) Math.min(uvarint(section), section.remaining());
        byte[] modules = new byte[Math.max(length, 0)];
        section.get(modules);
        return Optional.of(new String(modules, StandardCharsets.UTF_8));
    }

    private static long uvarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64 && in.hasRemaining(); shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("bad varint in buildinfo");
    }

    private static void skip(ByteBuffer in, long n) {
        in.position((int) Math.min(in.limit(), in.position() + Math.max(n, 0)));
    }

    private static boolean startsWith(ByteBuffer buffer, byte[] prefix) {
        if (buffer.remaining() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer.get(buffer.position() + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** At most {@code length} bytes from {@code offset} (fewer at the end of the file). */
    private static ByteBuffer read(FileChannel in, long offset, int length) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(Math.max(length, 0));
        long at = offset;
        while (out.hasRemaining()) {
            int n = in.read(out, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return out.flip();
    }
}
