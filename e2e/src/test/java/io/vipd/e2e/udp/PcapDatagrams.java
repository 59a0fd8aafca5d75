package io.vipd.e2e.udp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the UDP payloads out of a classic libpcap file of Ethernet frames carrying IPv4 ({@code tcpdump -w}). */
final class PcapDatagrams {
  private static final int MAGIC_MICROS = 0xa1b2c3d4;
  private static final int MAGIC_NANOS = 0xa1b23c4d;
  private static final int LINKTYPE_ETHERNET = 1;
  private static final int ETHERNET_HEADER = 14;
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int PROTOCOL_UDP = 17;
  private static final int UDP_HEADER = 8;

  private PcapDatagrams() {}

  static List<byte[]> udpPayloads(Path pcap) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
    int magic = in.getInt(0);
    if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
      in.order(ByteOrder.BIG_ENDIAN);
      magic = in.getInt(0);
    }
    if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
      throw new IOException(pcap + ": not a pcap file");
    }
    if (in.getInt(20) != LINKTYPE_ETHERNET) {
      throw new IOException(pcap + ": link type " + in.getInt(20) + ", expected Ethernet");
    }
    List<byte[]> payloads = new ArrayList<>();
    int record = 24;
    while (record + 16 <= in.limit()) {
      int captured = in.getInt(record + 8);
      int frame = record + 16;
      ByteBuffer ip = in.duplicate().order(ByteOrder.BIG_ENDIAN);
      if (captured > ETHERNET_HEADER && (ip.getShort(frame + 12) & 0xffff) == ETHERTYPE_IPV4) {
        int header = frame + ETHERNET_HEADER;
        int ipHeaderLength = (ip.get(header) & 0x0f) * 4;
        if ((ip.get(header + 9) & 0xff) == PROTOCOL_UDP) {
          int udp = header + ipHeaderLength;
          int length = (ip.getShort(udp + 4) & 0xffff) - UDP_HEADER;
          payloads.add(Arrays.copyOfRange(in.array(), udp + UDP_HEADER, udp + UDP_HEADER + length));
        }
      }
      record = frame + captured;
    }
    return payloads;
  }
}
