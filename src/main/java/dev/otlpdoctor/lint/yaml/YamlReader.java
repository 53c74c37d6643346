package dev.otlpdoctor.lint.yaml;

import dev.otlpdoctor.BoundedFile;
import dev.otlpdoctor.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML files into {@link YamlNode} documents within {@link YamlLimits}. Every failure — unreadable,
 * too large, not UTF-8, not YAML, a limit reached — is a {@link InvalidInputException} with exit code 2 and one
 * line naming the file and, where known, the line and column.
 */
public final class YamlReader {
    private static final String MERGE_KEY = "<<";

    private YamlReader() {
    }

    /** Reads a file's bytes, refusing more than {@link YamlLimits#MAX_BYTES}. */
    public static byte[] readFile(Path path) {
        return BoundedFile.read(path, path.toString(), YamlLimits.MAX_BYTES);
    }

    /** Reads a stream (stdin) to its end, refusing more than {@link YamlLimits#MAX_BYTES}. */
    public static byte[] readCapped(InputStream in, String name) {
        try {
            byte[] bytes = in.readNBytes(YamlLimits.MAX_BYTES + 1);
            if (bytes.length > YamlLimits.MAX_BYTES) {
                throw new InvalidInputException(name + ": larger than " + (YamlLimits.MAX_BYTES / (1024 * 1024))
                        + " MiB; a collector config or manifest is far smaller (is this the right file?)");
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Decodes strict UTF-8 (a byte-order mark is skipped); invalid bytes are an input error with their line. */
    public static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidInputException(name + ":" + line + ": not valid UTF-8 (byte 0x"
                    + String.format("%02x", bytes[offset] & 0xff) + " at offset " + offset + "); save the file as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** Every document of a file, in order (a Kubernetes manifest often holds several). */
    public static List<YamlNode> documents(String text, String name, Positions positions) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setMaxAliasesForCollections(YamlLimits.MAX_COLLECTION_ALIASES)
                .setCodePointLimit(YamlLimits.MAX_BYTES)
                .setAllowRecursiveKeys(false)
                .setBufferSize(bufferSize(text))
                .build();
        Composer composer = depthLimitedComposer(settings, text);
        Converter converter = new Converter(positions);
        List<YamlNode> documents = new ArrayList<>();
        try {
            while (composer.hasNext()) {
                documents.add(converter.convert(composer.next()));
            }
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String where = mark == null ? name : positions.at(mark.getLine(), mark.getColumn()).toString();
            throw new InvalidInputException(where + ": not valid YAML: " + oneLine(e.getProblem()));
        } catch (DepthLimitedParser.LimitExceeded e) {
            throw new InvalidInputException(name + ": refused: " + e.getMessage());
        } catch (YamlEngineException e) {
            String message = oneLine(e.getMessage());
            throw new InvalidInputException(name + ": refused: " + message + (message.contains("aliases")
                    ? " (limit " + YamlLimits.MAX_COLLECTION_ALIASES + " aliases to maps or lists: a billion-laughs document?)"
                    : ""));
        } catch (StackOverflowError e) {
            throw new InvalidInputException(name + ": refused: nested too deeply to read");
        }
        return documents;
    }

    /**
     * The parser's read buffer for {@code text}: all of it at once. With a small buffer, the parser's reader
     * copies everything it has not consumed yet on every refill, and a scalar is consumed only when it
     * ends: a 6 MiB scalar took 20 s and 1 GB that way (docs/reliability.md).
     */
    public static int bufferSize(String text) {
        return Math.max(1024, text.length() + 1);
    }

    /**
     * A composer of the documents of {@code text} that stops at {@link YamlLimits#MAX_DEPTH} levels of
     * nesting with a {@link YamlEngineException}, before the composer's recursion can overflow the stack.
     * Other readers of YAML nodes (the manifests of {@code env --manifest}) parse through it too.
     */
    public static Composer depthLimitedComposer(LoadSettings settings, String text) {
        return new Composer(settings,
                new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, new StringReader(text)))));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }

    /** Converts composer nodes, counting values and their text so that aliases cannot multiply past the limits. */
    private static final class Converter {
        private final Positions positions;
        private int values;
        private long expandedChars;

        Converter(Positions positions) {
            this.positions = positions;
        }

        YamlNode convert(Node node) {
            if (++values > YamlLimits.MAX_VALUES) {
                throw new InvalidInputException(positions.at(0, 0).file() + ": refused: aliases expand to more than "
                        + YamlLimits.MAX_VALUES + " values (a billion-laughs document?)");
            }
            Location location = node.getStartMark()
                    .map(m -> positions.at(m.getLine(), m.getColumn()))
                    .orElseGet(() -> positions.at(0, 0));
            if (node instanceof ScalarNode scalar) {
                expandedChars += scalar.getValue().length();
                if (expandedChars > YamlLimits.MAX_EXPANDED_CHARS) {
                    throw new InvalidInputException(location + ": refused: aliases expand to more than "
                            + (YamlLimits.MAX_EXPANDED_CHARS >> 20) + " MiB of text (many aliases to a large value?)");
                }
                return scalar.getTag().equals(Tag.NULL) ? YamlNode.nullValue(location)
                        : YamlNode.scalar(scalar.getValue(), scalar.getScalarStyle() == ScalarStyle.PLAIN
                                ? YamlNode.ScalarForm.PLAIN : YamlNode.ScalarForm.QUOTED, location);
            }
            if (node instanceof SequenceNode sequence) {
                List<YamlNode> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    items.add(convert(item));
                }
                return YamlNode.list(items, location);
            }
            MappingNode mapping = (MappingNode) node;
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Location> keys = new LinkedHashMap<>();
            List<YamlNode> merged = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                YamlNode key = convert(tuple.getKeyNode());
                YamlNode value = convert(tuple.getValueNode());
                // Keys are scalars (the composer refuses others); a null key (~) reads as the empty string.
                String name = key.text() == null ? "" : key.text();
                if (MERGE_KEY.equals(name) && tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    merged.add(value);
                    continue;
                }
                if (entries.containsKey(name)) {
                    // The collector's YAML library rejects a key written twice in one map; so does lint.
                    throw new InvalidInputException(key.location() + ": not valid YAML: key '" + name
                            + "' is already defined at line " + keys.get(name).line());
                }
                entries.put(name, value);
                keys.put(name, key.location());
            }
            // YAML merge keys (<<: *defaults), as the collector's YAML library applies them: explicit keys win.
            for (YamlNode source : merged) {
                List<YamlNode> maps = source.isList() ? source.items() : List.of(source);
                for (YamlNode map : maps) {
                    map.entries().forEach((k, v) -> {
                        if (!entries.containsKey(k)) {
                            entries.put(k, v);
                            keys.put(k, map.keyLocation(k));
                        }
                    });
                }
            }
            return YamlNode.map(entries, keys, location);
        }
    }
}
