package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketTableTest {
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    @Test
    void readsLittleEndianIpv4ListenersAndSkipsOtherStates() {
        String table = HEADER
                + "   0: 0100007F:10E1 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4711 1 0000000000000000 100 0 0 10 0\n"
                + "   1: 00000000:10E2 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4712 1 0000000000000000 100 0 0 10 0\n"
                + "   2: 0100007F:10E1 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000  1000        0 4713 1 0000000000000000 20 4 30 10 -1\n";
        List<ListenSocket> sockets = SocketTable.listeners(table, false, ByteOrder.LITTLE_ENDIAN);
        assertThat(sockets).extracting(ListenSocket::label, ListenSocket::inode, ListenSocket::uid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("127.0.0.1:4321", 4711L, 1000),
                        org.assertj.core.groups.Tuple.tuple("0.0.0.0:4322", 4712L, 0));
    }

    @Test
    void readsIpv6WordByWordIncludingMappedAddresses() throws Exception {
        assertThat(SocketTable.address("00000000000000000000000001000000", true, ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(InetAddress.getByName("::1"));
        assertThat(SocketTable.address("00000000000000000000000000000000", true, ByteOrder.LITTLE_ENDIAN).isAnyLocalAddress())
                .isTrue();
        // ::ffff:127.0.0.1 serves IPv4 127.0.0.1
        assertThat(SocketTable.address("0000000000000000FFFF00000100007F", true, ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
        // fd00::1234:5678 (a word with all four bytes set)
        assertThat(SocketTable.address("000000FD000000000000000078563412", true, ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(InetAddress.getByName("fd00::1234:5678"));
    }

    @Test
    void bigEndianMachinesPrintWordsInNetworkOrder() throws Exception {
        assertThat(SocketTable.address("7F000001", false, ByteOrder.BIG_ENDIAN)).isEqualTo(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void ignoresLinesCutShortByTheReadCap() {
        String table = HEADER + "   0: 0100007F:10E1 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4711 1 0000000000000000 100 0 0 10 0\n"
                + "   1: 0100007F:10";
        assertThat(SocketTable.listeners(table, false, ByteOrder.LITTLE_ENDIAN)).hasSize(1);
    }

    @Test
    void labelsAreWrittenTheWaySsWritesThem() throws Exception {
        assertThat(new ListenSocket(InetAddress.getByName("::"), 4317, 1, 0).label()).isEqualTo("[::]:4317");
        assertThat(new ListenSocket(InetAddress.getByName("::1"), 4317, 1, 0).label()).isEqualTo("[::1]:4317");
        assertThat(new ListenSocket(InetAddress.getByName("fd00:0:0:1::5"), 80, 1, 0).label())
                .isEqualTo("[fd00:0:0:1::5]:80");
    }

    @Test
    void dualStackWildcardAcceptsIpv4UnlessBindV6Only() throws Exception {
        ListenSocket anyV6 = new ListenSocket(InetAddress.getByName("::"), 4317, 1, 0);
        ListenSocket anyV4 = new ListenSocket(InetAddress.getByName("0.0.0.0"), 4317, 1, 0);
        InetAddress v4 = InetAddress.getByName("10.1.2.3");
        InetAddress v6 = InetAddress.getByName("::1");
        assertThat(anyV6.accepts(v4, false)).isTrue();
        assertThat(anyV6.accepts(v4, true)).isFalse();
        assertThat(anyV6.accepts(v6, true)).isTrue();
        assertThat(anyV4.accepts(v4, false)).isTrue();
        assertThat(anyV4.accepts(v6, false)).isFalse();
        ListenSocket loopback = new ListenSocket(InetAddress.getByName("127.0.0.1"), 4317, 1, 0);
        assertThat(loopback.accepts(InetAddress.getByName("127.0.0.1"), false)).isTrue();
        assertThat(loopback.accepts(v4, false)).isFalse();
    }
}
