package dev.otlpdoctor.probe.local.firewall;

import dev.otlpdoctor.probe.local.firewall.Rule.Truth;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Addresses a rule matches: single addresses, prefixes ({@code 10.0.0.0/8}) and ranges. An element this
 * reader cannot parse (a symbolic name, a concatenation) makes a miss UNKNOWN rather than NO.
 */
record AddressSet(List<Element> elements, boolean complete) {

    /** An inclusive range of addresses of one family, as unsigned numbers. */
    record Element(int bytes, BigInteger low, BigInteger high) {
        boolean contains(InetAddress address) {
            byte[] raw = address.getAddress();
            if (raw.length != bytes) {
                return false;
            }
            BigInteger value = new BigInteger(1, raw);
            return value.compareTo(low) >= 0 && value.compareTo(high) <= 0;
        }
    }

    Truth contains(InetAddress address) {
        if (elements.stream().anyMatch(e -> e.contains(address))) {
            return Truth.YES;
        }
        return complete ? Truth.NO : Truth.UNKNOWN;
    }

    /** An address or {@code address/length} as nft and iptables print them, or null when it is not one. */
    static Element parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = literal(host);
        if (address == null) {
            return null;
        }
        int bits = address.getAddress().length * 8;
        int length = bits;
        if (slash >= 0) {
            String mask = text.substring(slash + 1);
            InetAddress dotted = mask.contains(".") ? literal(mask) : null;
            try {
                length = dotted != null ? new BigInteger(1, dotted.getAddress()).bitCount() : Integer.parseInt(mask);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return prefix(address, length);
    }

    static Element prefix(InetAddress address, int length) {
        int bits = address.getAddress().length * 8;
        if (length < 0 || length > bits) {
            return null;
        }
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger hostBits = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
        BigInteger low = new BigInteger(1, address.getAddress()).and(all.xor(hostBits));
        return new Element(bits / 8, low, low.or(hostBits));
    }

    static Element range(String from, String to) {
        InetAddress low = literal(from);
        InetAddress high = literal(to);
        if (low == null || high == null || low.getAddress().length != high.getAddress().length) {
            return null;
        }
        return new Element(low.getAddress().length, new BigInteger(1, low.getAddress()), new BigInteger(1, high.getAddress()));
    }

    /** A numeric address literal, never a name lookup. */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || !(text.contains(":") || text.matches("[0-9.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
