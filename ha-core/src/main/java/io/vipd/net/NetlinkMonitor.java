package io.vipd.net;

import static io.vipd.net.LinuxConstants.AF_NETLINK;
import static io.vipd.net.LinuxConstants.POLLIN;
import static io.vipd.net.LinuxConstants.SOCK_CLOEXEC;
import static io.vipd.net.LinuxConstants.SOCK_RAW;
import static io.vipd.net.Syscalls.C;
import static io.vipd.net.Syscalls.check;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches links and addresses of the current network namespace over rtnetlink multicast groups and hands
 * {@link NetworkEvent}s to a callback on its own daemon thread. On start it reports the current state of
 * every link; afterwards a link is reported only when its up/down state changes.
 *
 * <p>A netlink socket cannot be woken by {@code shutdown(2)}, so the thread polls the socket together with
 * a pipe that {@link #close()} writes to.
 */
public final class NetlinkMonitor implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(NetlinkMonitor.class);

  // linux/rtnetlink.h multicast groups (the legacy bit mask form of bind)
  static final int RTMGRP_LINK = 0x1;
  static final int RTMGRP_IPV4_IFADDR = 0x10;
  static final int RTMGRP_IPV6_IFADDR = 0x100;
  static final int RTM_GETLINK = 18;
  private static final int ENOBUFS = 105;

  private final NativeSocket socket;
  private final int[] wakePipe;
  private final Consumer<NetworkEvent> listener;
  private final Map<Integer, String> names = new HashMap<>();
  private final Map<Integer, Boolean> lastUp = new HashMap<>();
  private final Thread thread;
  private volatile boolean closing;

  private NetlinkMonitor(NativeSocket socket, int[] wakePipe, Consumer<NetworkEvent> listener) {
    this.socket = socket;
    this.wakePipe = wakePipe;
    this.listener = listener;
    this.thread = new Thread(this::run, "vipd-netlink-monitor");
    this.thread.setDaemon(true);
  }

  /** Starts watching; {@code listener} runs on the monitor's thread and must not block for long. */
  public static NetlinkMonitor start(Consumer<NetworkEvent> listener) throws IOException {
    NativeSocket socket = NativeSocket.open(AF_NETLINK, SOCK_RAW, Rtnetlink.NETLINK_ROUTE, "rtnetlink monitor");
    int[] pipe = new int[2];
    try {
      socket.bind(SocketAddresses.netlink(RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR), "groups");
      check(C.pipe2(pipe, SOCK_CLOEXEC /* O_CLOEXEC has the same value */), "pipe2");
      byte[] dump = new NetlinkMessage(RTM_GETLINK, NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_DUMP, 1, 0,
          new byte[LinkMessages.IFINFOMSG_LENGTH]).encode();
      socket.sendTo(dump, dump.length, SocketAddresses.netlink(0), "link dump");
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    NetlinkMonitor monitor = new NetlinkMonitor(socket, pipe, listener);
    monitor.thread.start();
    return monitor;
  }

  private void run() {
    byte[] buffer = new byte[64 * 1024];
    try {
      while (waitReadable()) {
        int length;
        try {
          length = socket.receive(buffer);
        } catch (NativeIoException e) {
          if (e.errno() == ENOBUFS) {
            log.warn("rtnetlink monitor overran its buffer; some link/address events were lost");
            continue;
          }
          throw e;
        }
        for (NetlinkMessage m : NetlinkMessage.decodeAll(buffer, length)) {
          handle(m);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!closing) {
        log.error("rtnetlink monitor stopped", e);
      }
    }
  }

  /** Blocks until the socket has data (true) or {@link #close()} wrote to the pipe (false). */
  private boolean waitReadable() throws NativeIoException {
    ByteBuffer fds = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
    fds.putInt(socket.fd()).putShort(POLLIN).putShort((short) 0);
    fds.putInt(wakePipe[0]).putShort(POLLIN).putShort((short) 0);
    byte[] pollfds = fds.array();
    while (true) {
      int ready = C.poll(pollfds, 2, -1);
      if (ready < 0) {
        NativeIoException failure = Syscalls.failure("poll");
        if (failure.errno() == Errno.EINTR) {
          continue;
        }
        throw failure;
      }
      ByteBuffer result = ByteBuffer.wrap(pollfds).order(ByteOrder.nativeOrder());
      if (closing || result.getShort(14) != 0) {
        return false;
      }
      if (result.getShort(6) != 0) {
        return true;
      }
    }
  }

  private void handle(NetlinkMessage m) {
    switch (m.type()) {
      case LinkMessages.RTM_NEWLINK -> {
        LinkMessages.Decoded link = LinkMessages.decode(m.payload());
        if (link.name() != null) {
          names.put(link.interfaceIndex(), link.name());
        }
        Boolean previous = lastUp.put(link.interfaceIndex(), link.up());
        if (previous == null || previous != link.up()) {
          deliver(new NetworkEvent.LinkChanged(nameOf(link.interfaceIndex()), link.up()));
        }
      }
      case LinkMessages.RTM_DELLINK -> {
        LinkMessages.Decoded link = LinkMessages.decode(m.payload());
        String name = link.name() != null ? link.name() : nameOf(link.interfaceIndex());
        lastUp.remove(link.interfaceIndex());
        names.remove(link.interfaceIndex());
        deliver(new NetworkEvent.LinkChanged(name, false));
      }
      case AddressMessages.RTM_DELADDR -> {
        AddressMessages.Decoded address = AddressMessages.decode(m.payload());
        if (address.address() != null) {
          deliver(new NetworkEvent.AddressRemoved(
              nameOf(address.interfaceIndex()), address.address(), address.prefixLength()));
        }
      }
      default -> { } // RTM_NEWADDR, NLMSG_DONE of the initial dump: nothing to report
    }
  }

  private String nameOf(int index) {
    String known = names.get(index);
    return known != null ? known : Interfaces.name(index).orElse("if" + index);
  }

  private void deliver(NetworkEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      log.error("network event listener failed on {}", event, e);
    }
  }

  /** Stops the thread and closes the socket; returns once the thread has ended. */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    C.write(wakePipe[1], new byte[] {1}, 1);
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    socket.close();
    C.close(wakePipe[0]);
    C.close(wakePipe[1]);
  }
}
