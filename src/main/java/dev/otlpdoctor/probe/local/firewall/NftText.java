package dev.otlpdoctor.probe.local.firewall;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules as {@code nft -a list ruleset} prints them, by table, chain and handle: the JSON holds what a
 * rule does, this the line a user recognises (and, for iptables-nft rules, nft's translation of the
 * {@code xt} extensions). Counter values are left out: they change with every packet.
 */
final class NftText {
    private static final Pattern TABLE = Pattern.compile("^table (\\S+) (\\S+) \\{");
    private static final Pattern CHAIN = Pattern.compile("^chain (\\S+) \\{");
    private static final Pattern RULE = Pattern.compile("^(.*?)\\s*# handle (\\d+)$");
    private static final Pattern COUNTS = Pattern.compile("counter packets \\d+ bytes \\d+");

    private NftText() {
    }

    static String key(String family, String table, String chain, String handle) {
        return family + " " + table + " " + chain + " " + handle;
    }

    static Map<String, String> rules(String text) {
        Map<String, String> rules = new HashMap<>();
        String family = null;
        String table = null;
        String chain = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            Matcher m;
            if ((m = TABLE.matcher(line)).find()) {
                family = m.group(1);
                table = unquote(m.group(2));
                chain = null;
            } else if ((m = CHAIN.matcher(line)).find()) {
                chain = unquote(m.group(1));
            } else if (line.endsWith("{") || line.equals("}")) {
                // a named set, map or object (its lines are not rules), or the end of a block
                chain = null;
            } else if (chain != null && (m = RULE.matcher(line)).find() && !m.group(1).isEmpty()) {
                rules.put(key(family, table, chain, m.group(2)), COUNTS.matcher(m.group(1)).replaceAll("counter"));
            }
        }
        return rules;
    }

    private static String unquote(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }
}
