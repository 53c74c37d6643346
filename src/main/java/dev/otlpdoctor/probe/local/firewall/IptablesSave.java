package dev.otlpdoctor.probe.local.firewall;

import dev.otlpdoctor.probe.local.firewall.Rule.Action;
import dev.otlpdoctor.probe.local.firewall.Rule.Match;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of {@code iptables-save} / {@code ip6tables-save}: the tables of the legacy backend, and
 * the meaning of the iptables-nft rules whose {@code xt} extensions nft's JSON does not spell out. Options
 * of matches it does not know become unknown matches; targets it does not know become unknown actions.
 */
final class IptablesSave {
    /** Targets that only count, log or mark: the next rule is looked at. */
    private static final List<String> NON_DECIDING = List.of("LOG", "NFLOG", "ULOG", "MARK", "CONNMARK", "TRACE", "CT",
            "NOTRACK", "MASQUERADE", "SNAT", "CHECKSUM", "TCPMSS", "AUDIT", "CLASSIFY", "DSCP", "TOS", "TTL", "HL");
    /** Match modules whose options are all understood below (or that need no option). */
    private static final List<String> KNOWN_MODULES = List.of("tcp", "udp", "multiport", "conntrack", "state", "addrtype",
            "comment", "icmp", "icmp6");

    private final boolean ipv6;
    private final String family;
    private final FirewallRule.Tool tool;

    private IptablesSave(boolean ipv6, String family, FirewallRule.Tool tool) {
        this.ipv6 = ipv6;
        this.family = family;
        this.tool = tool;
    }

    /**
     * @param family the family the chains are given: {@code ipv4}/{@code ipv6} for the legacy backend,
     *               {@code ip}/{@code ip6} when the text describes iptables-nft tables
     */
    static List<Chain> parse(String text, boolean ipv6, String family, FirewallRule.Tool tool) {
        return new IptablesSave(ipv6, family, tool).read(text);
    }

    private List<Chain> read(String text) {
        List<Chain> chains = new ArrayList<>();
        String table = null;
        Map<String, String> policies = new LinkedHashMap<>();
        Map<String, List<Rule>> rules = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String raw : text.split("\n")) {
            lineNumber++;
            String line = raw.strip();
            if (line.startsWith("*")) {
                table = line.substring(1);
                policies.clear();
                rules.clear();
            } else if (line.startsWith(":") && table != null) {
                String[] f = line.substring(1).split("\\s+");
                policies.put(f[0], f.length > 1 ? f[1] : "-");
                rules.put(f[0], new ArrayList<>());
            } else if (line.equals("COMMIT") && table != null) {
                for (Map.Entry<String, String> c : policies.entrySet()) {
                    chains.add(chain(table, c.getKey(), c.getValue(), rules.get(c.getKey())));
                }
                table = null;
            } else if (table != null && (line.startsWith("-A ") || line.startsWith("["))) {
                List<String> tokens = tokens(line);
                if (!tokens.isEmpty() && tokens.get(0).startsWith("[")) {
                    tokens = tokens.subList(1, tokens.size()); // iptables-save -c: packet and byte counts first
                }
                if (tokens.size() >= 2 && tokens.get(0).equals("-A")) {
                    String chain = tokens.get(1);
                    List<Rule> chainRules = rules.computeIfAbsent(chain, k -> new ArrayList<>());
                    String handle = String.valueOf(chainRules.size() + 1); // the rule number of iptables -L --line-numbers
                    chainRules.add(rule(table, chain, handle, line.replaceFirst("^\\[\\d+:\\d+\\] ", ""),
                            tokens.subList(2, tokens.size()), policies.keySet()));
                }
            }
        }
        return chains;
    }

    private Chain chain(String table, String name, String policy, List<Rule> rules) {
        Hook hook = policy.equals("-") ? null : Hook.of(table, name);
        return new Chain(family, table, name, hook == null ? null : hook.type, hook == null ? null : hook.hook,
                hook == null ? 0 : hook.priority, policy.equals("-") ? null : policy.toLowerCase(),
                List.copyOf(rules), tool);
    }

    /** Where a built-in chain of an iptables table hooks in (the priorities of iptables' own tables). */
    private record Hook(String type, String hook, int priority) {
        static Hook of(String table, String chain) {
            String hook = chain.toLowerCase();
            if (!List.of("input", "output", "forward", "prerouting", "postrouting").contains(hook)) {
                return null;
            }
            return switch (table) {
                case "raw" -> new Hook("filter", hook, -300);
                case "mangle" -> new Hook(hook.equals("output") ? "route" : "filter", hook, -150);
                case "nat" -> new Hook("nat", hook, hook.equals("prerouting") || hook.equals("output") ? -100 : 100);
                case "security" -> new Hook("filter", hook, 50);
                default -> new Hook("filter", hook, 0);
            };
        }
    }

    private Rule rule(String table, String chain, String handle, String text, List<String> tokens, java.util.Set<String> chains) {
        List<Match> matches = new ArrayList<>();
        Action action = new Action.Continue();
        String target = null;
        Map<String, String> targetOptions = new LinkedHashMap<>();
        boolean negated = false;
        String module = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("!")) {
                negated = true;
                continue;
            }
            String value = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            boolean takesValue = true;
            switch (t) {
                case "-s", "--source", "-d", "--destination" -> matches.add(new Match.Address(t.startsWith("-s") || t.equals("--source"),
                        ipv6, negated, addresses(value)));
                case "-i", "--in-interface", "-o", "--out-interface" -> matches.add(new Match.Interface(
                        t.equals("-i") || t.equals("--in-interface"), negated, List.of(value)));
                case "-p", "--protocol" -> matches.add(new Match.Protocol(negated, List.of(value.toLowerCase())));
                case "-m", "--match" -> {
                    module = value;
                    if (!KNOWN_MODULES.contains(value)) {
                        matches.add(new Match.Unknown("-m " + value));
                    }
                }
                case "--dport", "--destination-port", "--dports", "--destination-ports" -> {
                    PortSet ports = ports(value);
                    matches.add(ports == null ? new Match.Unknown(t + " " + value)
                            : new Match.DestinationPort(module != null && module.equals("udp") ? "udp" : "tcp", negated, ports));
                }
                case "--ctstate", "--state" -> matches.add(new Match.ConnectionState(negated, Arrays.asList(value.split(","))));
                case "--dst-type" -> matches.add(new Match.LocalDestination(negated, Arrays.asList(value.split(","))));
                case "--comment" -> {
                    // a label only
                }
                case "--syn" -> {
                    matches.add(new Match.Syn(negated));
                    takesValue = false;
                }
                case "-j", "--jump", "-g", "--goto" -> {
                    target = value;
                    if (t.equals("-g") || t.equals("--goto")) {
                        targetOptions.put("goto", "");
                    }
                }
                default -> {
                    if (target != null && t.startsWith("--")) {
                        targetOptions.put(t, value); // --reject-with, --to-destination, --log-prefix...
                    } else if (module != null && !KNOWN_MODULES.contains(module)) {
                        // an option of the unknown module already counted as unknown
                    } else {
                        matches.add(new Match.Unknown(t));
                    }
                    takesValue = i + 1 < tokens.size() && !value.startsWith("-") && !value.equals("!");
                }
            }
            negated = false;
            if (takesValue) {
                i++;
            }
        }
        if (target != null) {
            action = action(target, targetOptions, chains);
        }
        FirewallRule shown = new FirewallRule(tool, family, table, chain, text, handle);
        return new Rule(shown, List.copyOf(matches), action);
    }

    private Action action(String target, Map<String, String> options, java.util.Set<String> chains) {
        switch (target) {
            case "ACCEPT":
                return new Action.Accept();
            case "DROP":
                return new Action.Drop();
            case "RETURN":
                return new Action.Return();
            case "REJECT":
                return new Action.Reject(rejectWith(options.get("--reject-with")));
            case "DNAT": {
                String to = options.get("--to-destination");
                return to == null ? new Action.Unknown("DNAT") : destination(to);
            }
            case "REDIRECT": {
                String ports = options.getOrDefault("--to-ports", "");
                return ports.matches("\\d+") ? new Action.DestinationNat(null, Integer.parseInt(ports)) : new Action.Unknown("REDIRECT " + ports);
            }
            default:
                if (NON_DECIDING.contains(target)) {
                    return new Action.Continue();
                }
                if (chains.contains(target)) {
                    return options.containsKey("goto") ? new Action.Goto(target) : new Action.Jump(target);
                }
                return new Action.Unknown("-j " + target);
        }
    }

    /** {@code 172.17.0.2:4317}, {@code [fd00::2]:4317} or an address alone. */
    private Action destination(String to) {
        String host = to;
        int port = 0;
        int colon = to.lastIndexOf(':');
        if (to.startsWith("[") && to.contains("]")) {
            host = to.substring(1, to.indexOf(']'));
            String rest = to.substring(to.indexOf(']') + 1);
            if (rest.startsWith(":")) {
                port = parsePort(rest.substring(1));
            }
        } else if (colon > 0 && !ipv6) {
            host = to.substring(0, colon);
            port = parsePort(to.substring(colon + 1));
        }
        InetAddress address = AddressSet.literal(host);
        return address == null || port < 0 ? new Action.Unknown("DNAT --to-destination " + to) : new Action.DestinationNat(address, port);
    }

    private static int parsePort(String text) {
        return text.matches("\\d+") ? Integer.parseInt(text) : -1; // a port range: not a single destination
    }

    /** The reject type as nft names it: {@code tcp-reset} is {@code tcp reset}, {@code icmp-X} is {@code icmp X}. */
    private String rejectWith(String with) {
        if (with == null) {
            return ipv6 ? "icmpv6 port-unreachable" : "icmp port-unreachable";
        }
        if (with.equals("tcp-reset")) {
            return "tcp reset";
        }
        if (with.startsWith("icmp6-")) {
            return "icmpv6 " + with.substring(6).replace("adm-prohibited", "admin-prohibited");
        }
        if (with.startsWith("icmp-")) {
            return "icmp " + with.substring(5);
        }
        return with;
    }

    private AddressSet addresses(String value) {
        List<AddressSet.Element> elements = new ArrayList<>();
        boolean complete = true;
        for (String part : value.split(",")) {
            AddressSet.Element e = AddressSet.parse(part);
            if (e == null) {
                complete = false;
            } else {
                elements.add(e);
            }
        }
        return new AddressSet(elements, complete);
    }

    private static PortSet ports(String value) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] bounds = part.split(":", -1);
            if (bounds.length > 2 || !Arrays.stream(bounds).allMatch(b -> b.matches("\\d*"))) {
                return null; // a service name
            }
            int low = bounds[0].isEmpty() ? 0 : Integer.parseInt(bounds[0]);
            int high = bounds.length == 1 ? low : bounds[1].isEmpty() ? 65535 : Integer.parseInt(bounds[1]);
            ranges.add(new int[] {low, high});
        }
        return new PortSet(ranges);
    }

    /** Splits a saved rule into words; {@code "..."} quotes (with {@code \"} inside) keep spaces. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(word.toString());
        }
        return out;
    }
}
