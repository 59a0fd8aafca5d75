package io.vipd.e2e.udp;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM inside a lab namespace: sends captured datagrams again, byte for byte, from
 * {@code bind-address} (any port) to {@code destination:port}, one every {@code interval-ms}, round robin,
 * until killed. This is an attacker on the path replaying a dead master's adverts.
 *
 * <p>{@code java DatagramReplayer BIND-ADDRESS DESTINATION PORT INTERVAL-MS FILE...}
 */
public final class DatagramReplayer {
  /** Printed once the socket is bound, so the test knows replays are on their way. */
  static final String READY = "replaying";

  private DatagramReplayer() {}

  public static void main(String[] args) throws Exception {
    InetAddress bind = InetAddress.getByName(args[0]);
    InetSocketAddress destination = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
    long intervalMillis = Long.parseLong(args[3]);
    List<byte[]> datagrams = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      datagrams.add(Files.readAllBytes(Path.of(args[i])));
    }
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bind, 0))) {
      System.out.println(READY + " " + datagrams.size() + " datagram(s) from " + socket.getLocalSocketAddress());
      System.out.flush();
      for (long sent = 0; ; sent++) {
        byte[] datagram = datagrams.get((int) (sent % datagrams.size()));
        socket.send(new DatagramPacket(datagram, datagram.length, destination));
        // pacing an attacker's sends, not synchronising a test
        Thread.sleep(intervalMillis);
      }
    }
  }
}
