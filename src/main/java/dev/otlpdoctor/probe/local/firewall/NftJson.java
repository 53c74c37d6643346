package dev.otlpdoctor.probe.local.firewall;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.otlpdoctor.probe.local.firewall.Rule.Action;
import dev.otlpdoctor.probe.local.firewall.Rule.Match;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the output of {@code nft -j list ruleset} (schema: {@code man libnftables-json}) into chains of
 * rules. What it understands is listed in docs/local-probes.md; every other expression becomes an unknown
 * match or action. The rules of iptables-nft that use an {@code xt} extension (its JSON names the
 * extension, not its arguments) are marked so {@link IptablesSave} can supply their meaning.
 */
final class NftJson {

    /** The chains in the order nft lists them, and which of them hold {@code xt} expressions. */
    record Parsed(List<Chain> chains, Set<String> chainsWithXt) {
    }

    private final Map<String, JsonArray> sets = new HashMap<>();
    private final Map<String, String> ruleTexts;
    private final Set<String> chainsWithXt = new LinkedHashSet<>();

    private NftJson(Map<String, String> ruleTexts) {
        this.ruleTexts = ruleTexts;
    }

    /**
     * @param ruleTexts the rules as {@code nft -a list ruleset} prints them, by {@link NftText#key}; a rule not
     *                  in it is shown by its handle
     */
    static Parsed parse(String json, Map<String, String> ruleTexts) {
        JsonArray items;
        try {
            items = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("nftables");
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new IllegalArgumentException("nft printed something that is not its JSON ruleset: " + e.getMessage());
        }
        if (items == null) {
            throw new IllegalArgumentException("nft printed JSON without an \"nftables\" array");
        }
        try {
            return new NftJson(ruleTexts).read(items);
        } catch (RuntimeException e) {
            // A table, chain or set of a shape this reader does not know: no partial view, no guess.
            throw new IllegalArgumentException("nft's JSON ruleset has a table, chain or set this reader does not understand ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private Parsed read(JsonArray items) {
        Map<String, JsonObject> chainObjects = new LinkedHashMap<>();
        Map<String, List<Rule>> rules = new HashMap<>();
        for (JsonElement item : items) {
            JsonObject o = item.getAsJsonObject();
            for (String setKind : List.of("set", "map")) {
                if (o.has(setKind)) {
                    JsonObject set = o.getAsJsonObject(setKind);
                    sets.put(key(str(set, "family"), str(set, "table"), str(set, "name")),
                            set.has("elem") ? set.getAsJsonArray("elem") : new JsonArray());
                }
            }
            if (o.has("chain")) {
                JsonObject c = o.getAsJsonObject("chain");
                chainObjects.put(key(str(c, "family"), str(c, "table"), str(c, "name")), c);
            }
        }
        for (JsonElement item : items) {
            JsonObject o = item.getAsJsonObject();
            if (o.has("rule")) {
                JsonObject r = o.getAsJsonObject("rule");
                String chainKey = key(str(r, "family"), str(r, "table"), str(r, "chain"));
                rules.computeIfAbsent(chainKey, k -> new ArrayList<>()).add(rule(r, chainKey));
            }
        }
        List<Chain> chains = new ArrayList<>();
        chainObjects.forEach((k, c) -> chains.add(new Chain(str(c, "family"), str(c, "table"), str(c, "name"),
                str(c, "type"), str(c, "hook"), priority(c.get("prio")), c.has("policy") ? str(c, "policy") : "accept",
                List.copyOf(rules.getOrDefault(k, List.of())), FirewallRule.Tool.NFTABLES)));
        return new Parsed(chains, Set.copyOf(chainsWithXt));
    }

    static String key(String family, String table, String chain) {
        return family + " " + table + " " + chain;
    }

    private static int priority(JsonElement prio) {
        if (prio == null || prio.isJsonNull()) {
            return 0;
        }
        if (prio.isJsonPrimitive() && prio.getAsJsonPrimitive().isNumber()) {
            return prio.getAsInt();
        }
        Integer named = Chain.namedPriority(prio.getAsString());
        return named == null ? 0 : named;
    }

    /** A rule of a shape this reader does not know is kept, as not understood: it can never decide. */
    private Rule rule(JsonObject r, String chainKey) {
        try {
            return parseRule(r, chainKey);
        } catch (RuntimeException e) {
            String handle = r.has("handle") ? r.get("handle").getAsString() : null;
            String text = ruleTexts.getOrDefault(NftText.key(str(r, "family"), str(r, "table"), str(r, "chain"), handle),
                    "rule handle " + handle);
            return new Rule(new FirewallRule(FirewallRule.Tool.NFTABLES, str(r, "family"), str(r, "table"), str(r, "chain"),
                    text, handle), List.of(new Match.Unknown("unreadable rule")), new Action.Unknown("unreadable rule"));
        }
    }

    private Rule parseRule(JsonObject r, String chainKey) {
        String family = str(r, "family");
        String handle = r.has("handle") ? r.get("handle").getAsString() : null;
        String text = ruleTexts.getOrDefault(NftText.key(family, str(r, "table"), str(r, "chain"), handle),
                "rule handle " + handle);
        List<Match> matches = new ArrayList<>();
        Action action = new Action.Continue();
        for (JsonElement e : r.has("expr") ? r.getAsJsonArray("expr") : new JsonArray()) {
            JsonObject expr = e.getAsJsonObject();
            String kind = expr.keySet().iterator().next();
            JsonElement body = expr.get(kind);
            switch (kind) {
                case "match" -> matches.add(match(body.getAsJsonObject(), family, str(r, "table")));
                case "counter", "log", "mangle", "notrack", "comment", "set", "map", "masquerade", "snat" -> {
                    // counts, logs or marks without deciding
                }
                case "accept" -> action = new Action.Accept();
                case "drop" -> action = new Action.Drop();
                case "return" -> action = new Action.Return();
                case "continue" -> action = new Action.Continue();
                case "jump" -> action = new Action.Jump(str(body.getAsJsonObject(), "target"));
                case "goto" -> action = new Action.Goto(str(body.getAsJsonObject(), "target"));
                case "reject" -> action = new Action.Reject(rejectWith(body, family));
                case "dnat" -> action = dnat(body.getAsJsonObject(), false);
                case "redirect" -> action = dnat(body.isJsonObject() ? body.getAsJsonObject() : new JsonObject(), true);
                case "xt" -> {
                    chainsWithXt.add(chainKey);
                    JsonObject xt = body.getAsJsonObject();
                    String what = "xt " + str(xt, "type") + " " + str(xt, "name");
                    if ("target".equals(str(xt, "type"))) {
                        if (!List.of("LOG", "NFLOG", "MARK", "CONNMARK").contains(str(xt, "name"))) {
                            action = new Action.Unknown(what);
                        }
                    } else {
                        matches.add(new Match.Unknown(what));
                    }
                }
                default -> {
                    if (isVerdictLike(kind)) {
                        action = new Action.Unknown(kind);
                    } else {
                        matches.add(new Match.Unknown(kind)); // limit, quota, ct count...: may stop the rule
                    }
                }
            }
        }
        FirewallRule shown = new FirewallRule(FirewallRule.Tool.NFTABLES, family, str(r, "table"), str(r, "chain"), text, handle);
        return new Rule(shown, List.copyOf(matches), action);
    }

    private static boolean isVerdictLike(String kind) {
        return List.of("queue", "vmap", "synproxy", "fwd", "dup", "tproxy").contains(kind);
    }

    /** The reject type as nft prints it after "reject with"; plain {@code reject} sends port-unreachable. */
    private static String rejectWith(JsonElement body, String family) {
        String defaultType = family.equals("inet") ? "icmpx" : family.equals("ip6") ? "icmpv6" : "icmp";
        if (body == null || body.isJsonNull()) {
            return defaultType + " port-unreachable";
        }
        JsonObject o = body.getAsJsonObject();
        String type = o.has("type") ? str(o, "type") : defaultType;
        return o.has("expr") ? type + " " + str(o, "expr") : type.equals("tcp reset") ? type : type + " port-unreachable";
    }

    private static Action dnat(JsonObject o, boolean redirect) {
        InetAddress to = null;
        if (!redirect) {
            to = o.has("addr") && o.get("addr").isJsonPrimitive() ? AddressSet.literal(o.get("addr").getAsString()) : null;
            if (to == null) {
                return new Action.Unknown("dnat to a map or an expression");
            }
        }
        int port = 0;
        if (o.has("port")) {
            if (!o.get("port").isJsonPrimitive()) {
                return new Action.Unknown((redirect ? "redirect" : "dnat") + " to a port map");
            }
            port = o.get("port").getAsInt();
        }
        return new Action.DestinationNat(to, port);
    }

    private Match match(JsonObject m, String family, String table) {
        String op = m.has("op") ? str(m, "op") : "==";
        boolean negated = op.equals("!=");
        JsonElement left = m.get("left");
        JsonElement right = m.get("right");
        if (!left.isJsonObject()) {
            return new Match.Unknown("match on " + left);
        }
        JsonObject l = left.getAsJsonObject();
        right = resolveSet(right, family, table);
        if (l.has("payload")) {
            JsonObject p = l.getAsJsonObject("payload");
            String protocol = str(p, "protocol");
            String field = str(p, "field");
            if ((protocol.equals("ip") || protocol.equals("ip6")) && (field.equals("daddr") || field.equals("saddr"))
                    && (negated || op.equals("==") || op.equals("in"))) {
                AddressSet set = addresses(right);
                return new Match.Address(field.equals("saddr"), protocol.equals("ip6"), negated, set);
            }
            if ((protocol.equals("ip") && field.equals("protocol")) || (protocol.equals("ip6") && field.equals("nexthdr"))) {
                return new Match.Protocol(negated, names(right));
            }
            if (field.equals("dport") && List.of("tcp", "th", "udp", "sctp", "dccp", "udplite").contains(protocol)) {
                PortSet ports = ports(right, op);
                return ports == null ? new Match.Unknown(protocol + " dport " + right) : new Match.DestinationPort(protocol, negated, ports);
            }
            if (protocol.equals("tcp") && field.equals("flags") && right.isJsonPrimitive() && op.matches("==|!=")
                    && right.getAsString().equals("syn")) {
                return new Match.Syn(negated);
            }
            // A header match implies its protocol (nft adds the dependency): a UDP or ICMP field never matches TCP,
            // an ip field never matches IPv6; what is left is a TCP or IP field this reader does not evaluate.
            return switch (protocol) {
                case "tcp", "th" -> new Match.Unknown(protocol + " " + field);
                case "ip", "ip6" -> new Match.UnknownOfFamily(protocol.equals("ip6"), protocol + " " + field);
                default -> new Match.Protocol(false, List.of(protocol));
            };
        }
        if (l.has("meta")) {
            String key = str(l.getAsJsonObject("meta"), "key");
            return switch (key) {
                case "l4proto" -> new Match.Protocol(negated, names(right));
                case "nfproto" -> new Match.Family(negated, names(right));
                case "iif", "iifname", "oif", "oifname" -> new Match.Interface(key.startsWith("i"), negated, names(right));
                default -> new Match.Unknown("meta " + key); // skuid, mark, cgroup, the ethertype...
            };
        }
        if (l.has("ct")) {
            String key = str(l.getAsJsonObject("ct"), "key");
            if (key.equals("state")) {
                return new Match.ConnectionState(negated, names(right));
            }
            if (key.equals("status") && names(right).equals(List.of("dnat"))) {
                return new Match.ConnectionDnat(negated);
            }
            return new Match.Unknown("ct " + key);
        }
        if (l.has("fib")) {
            JsonObject fib = l.getAsJsonObject("fib");
            JsonElement flags = fib.get("flags");
            boolean daddrOnly = flags != null && (flags.isJsonPrimitive() ? flags.getAsString().equals("daddr")
                    : flags.getAsJsonArray().size() == 1 && flags.getAsJsonArray().get(0).getAsString().equals("daddr"));
            if ("type".equals(str(fib, "result")) && daddrOnly) {
                return new Match.LocalDestination(negated, names(right));
            }
            return new Match.Unknown("fib " + fib);
        }
        return new Match.Unknown(l.keySet().iterator().next());
    }

    /** A named set ({@code @name}) replaced by its elements; an unknown name stays as it is. */
    private JsonElement resolveSet(JsonElement right, String family, String table) {
        if (right != null && right.isJsonPrimitive() && right.getAsString().startsWith("@")) {
            JsonArray elements = sets.get(key(family, table, right.getAsString().substring(1)));
            if (elements != null) {
                JsonObject set = new JsonObject();
                set.add("set", elements);
                return set;
            }
        }
        return right;
    }

    /** The elements of a set ({@code {"set": [...]}}), of a flag list, or the value itself. */
    private static List<JsonElement> elements(JsonElement value) {
        List<JsonElement> out = new ArrayList<>();
        if (value.isJsonObject() && value.getAsJsonObject().has("set")) {
            JsonElement set = value.getAsJsonObject().get("set");
            if (set.isJsonArray()) {
                set.getAsJsonArray().forEach(e -> out.add(unwrap(e)));
            } else {
                out.add(unwrap(set));
            }
        } else if (value.isJsonArray()) {
            value.getAsJsonArray().forEach(e -> out.add(unwrap(e)));
        } else {
            out.add(value);
        }
        return out;
    }

    /** A set element with a timeout or comment comes as {@code {"elem": {"val": ...}}}. */
    private static JsonElement unwrap(JsonElement e) {
        if (e.isJsonObject() && e.getAsJsonObject().has("elem")) {
            return e.getAsJsonObject().getAsJsonObject("elem").get("val");
        }
        return e;
    }

    private static List<String> names(JsonElement value) {
        return elements(value).stream().map(e -> e.isJsonPrimitive() ? e.getAsString() : e.toString()).toList();
    }

    private static AddressSet addresses(JsonElement value) {
        List<AddressSet.Element> out = new ArrayList<>();
        boolean complete = true;
        for (JsonElement e : elements(value)) {
            AddressSet.Element element = null;
            if (e.isJsonPrimitive()) {
                element = AddressSet.parse(e.getAsString());
            } else if (e.isJsonObject() && e.getAsJsonObject().has("prefix")) {
                JsonObject p = e.getAsJsonObject().getAsJsonObject("prefix");
                InetAddress address = AddressSet.literal(str(p, "addr"));
                element = address == null ? null : AddressSet.prefix(address, p.get("len").getAsInt());
            } else if (e.isJsonObject() && e.getAsJsonObject().has("range")) {
                JsonArray range = e.getAsJsonObject().getAsJsonArray("range");
                element = AddressSet.range(range.get(0).getAsString(), range.get(1).getAsString());
            }
            if (element == null) {
                complete = false;
            } else {
                out.add(element);
            }
        }
        return new AddressSet(out, complete);
    }

    /** Ports of an equality or set match, or of a comparison ({@code tcp dport < 1024}); null when not understood. */
    private static PortSet ports(JsonElement value, String op) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            int port = value.getAsInt();
            return switch (op) {
                case "==", "!=", "in" -> PortSet.of(port, port);
                case "<" -> PortSet.of(0, port - 1);
                case "<=" -> PortSet.of(0, port);
                case ">" -> PortSet.of(port + 1, 65535);
                case ">=" -> PortSet.of(port, 65535);
                default -> null;
            };
        }
        if (!op.matches("==|!=|in")) {
            return null;
        }
        List<int[]> ranges = new ArrayList<>();
        for (JsonElement e : elements(value)) {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                ranges.add(new int[] {e.getAsInt(), e.getAsInt()});
            } else if (e.isJsonObject() && e.getAsJsonObject().has("range")) {
                JsonArray range = e.getAsJsonObject().getAsJsonArray("range");
                if (!range.get(0).getAsJsonPrimitive().isNumber() || !range.get(1).getAsJsonPrimitive().isNumber()) {
                    return null;
                }
                ranges.add(new int[] {range.get(0).getAsInt(), range.get(1).getAsInt()});
            } else {
                return null; // a service name, a concatenation
            }
        }
        return new PortSet(ranges);
    }

    private static String str(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
