package dev.otlpdoctor.probe.local;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/** Addresses written the way people and {@code ss} write them. */
final class Addresses {
    private Addresses() {
    }

    /** {@code 127.0.0.1}, {@code ::1}, {@code ::} (Java itself prints {@code 0:0:0:0:0:0:0:1}). */
    static String text(InetAddress address) {
        String full = address.getHostAddress();
        int zone = full.indexOf('%');
        if (zone >= 0) {
            full = full.substring(0, zone);
        }
        if (!(address instanceof Inet6Address)) {
            return full;
        }
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
