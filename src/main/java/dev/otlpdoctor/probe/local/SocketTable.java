package dev.otlpdoctor.probe.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the kernel's TCP socket tables ({@code /proc/net/tcp}, {@code /proc/net/tcp6}) for LISTEN
 * sockets. Each line holds {@code local_address} as hex: the address as 32-bit words printed in the
 * machine's byte order (so {@code 0100007F} is 127.0.0.1 on little-endian machines), then the port as a
 * plain hex number; field {@code st} is the state ({@code 0A} = LISTEN), field 9 the socket inode.
 */
final class SocketTable {
    private static final String LISTEN = "0A";

    private SocketTable() {
    }

    static List<ListenSocket> listeners(String table, boolean tcp6, ByteOrder order) {
        List<ListenSocket> out = new ArrayList<>();
        int start = 0;
        boolean header = true;
        while (start < table.length()) {
            int end = table.indexOf('\n', start);
            if (end < 0) {
                end = table.length();
            }
            String line = table.substring(start, end).trim();
            start = end + 1;
            if (header) {
                header = false; // "sl local_address rem_address st ..."
                continue;
            }
            ListenSocket socket = parseLine(line, tcp6, order);
            if (socket != null) {
                out.add(socket);
            }
        }
        return out;
    }

    /** The LISTEN socket of one table line; {@code null} for other states and lines cut short by the cap. */
    private static ListenSocket parseLine(String line, boolean tcp6, ByteOrder order) {
        String[] f = line.split("\\s+");
        if (f.length < 10 || !LISTEN.equals(f[3])) {
            return null;
        }
        int colon = f[1].indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            InetAddress address = address(f[1].substring(0, colon), tcp6, order);
            int port = Integer.parseInt(f[1].substring(colon + 1), 16);
            int uid = Integer.parseInt(f[7]);
            long inode = Long.parseLong(f[9]);
            return new ListenSocket(address, port, inode, uid);
        } catch (NumberFormatException | UnknownHostException e) {
            return null;
        }
    }

    static InetAddress address(String hex, boolean tcp6, ByteOrder order) throws UnknownHostException {
        int length = tcp6 ? 16 : 4;
        if (hex.length() != length * 2) {
            throw new NumberFormatException("address of " + hex.length() + " hex digits");
        }
        byte[] bytes = new byte[length];
        for (int word = 0; word < length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int digit = word * 8 + i * 2;
                int value = Integer.parseInt(hex.substring(digit, digit + 2), 16);
                int target = order == ByteOrder.LITTLE_ENDIAN ? word * 4 + (3 - i) : word * 4 + i;
                bytes[target] = (byte) value;
            }
        }
        // InetAddress turns ::ffff:a.b.c.d into the Inet4Address a.b.c.d, which is what such a socket serves.
        return InetAddress.getByAddress(bytes);
    }
}
