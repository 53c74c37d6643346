package dev.otlpdoctor.envlint;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.target.EnvSettings;
import dev.otlpdoctor.target.Setting;
import dev.otlpdoctor.target.Source;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads a dotenv file as Docker Compose's {@code env_file} and the common dotenv loaders write it:
 * {@code NAME=value} per line, {@code #} comments, an optional {@code export } prefix, single quotes
 * (literal) and double quotes (with {@code \n \t \" \\} escapes), and a {@code #} comment after an
 * unquoted value when a space precedes it. Every setting remembers its line. Values are never echoed
 * in errors: they may be secrets.
 */
public final class DotenvFile {
    /** Larger files are not environment files; refusing them bounds memory. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private DotenvFile() {
    }

    public static EnvSettings load(Path file) {
        return parse(InputFile.read(file, MAX_BYTES), file.toString());
    }

    /** The settings of a dotenv file's text; {@code label} names the file in sources and errors. */
    static EnvSettings parse(String text, String label) {
        EnvSettings.Builder settings = EnvSettings.builder();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            String where = label + ":" + lineNumber;
            if (eq <= 0) {
                throw new InvalidInputException(where + ": expected NAME=VALUE");
            }
            String name = line.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                throw new InvalidInputException(where + ": '" + name + "' is not a variable name");
            }
            String value = value(line.substring(eq + 1).strip(), where);
            settings.set(new Setting(name, value, Source.file(label, lineNumber)));
        }
        return settings.build();
    }

    private static String value(String raw, String where) {
        if (raw.startsWith("'")) {
            int close = raw.indexOf('\'', 1);
            if (close < 0) {
                throw new InvalidInputException(where + ": the single-quoted value has no closing quote");
            }
            requireOnlyComment(raw.substring(close + 1), where);
            return raw.substring(1, close);
        }
        if (raw.startsWith("\"")) {
            StringBuilder value = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    requireOnlyComment(raw.substring(i + 1), where);
                    return value.toString();
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    value.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    value.append(c);
                }
            }
            throw new InvalidInputException(where + ": the double-quoted value has no closing quote");
        }
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                return raw.substring(0, i).strip();
            }
        }
        return raw.startsWith("#") ? "" : raw;
    }

    private static void requireOnlyComment(String rest, String where) {
        String after = rest.strip();
        if (!after.isEmpty() && !after.startsWith("#")) {
            throw new InvalidInputException(where + ": unexpected text after the closing quote");
        }
    }
}
