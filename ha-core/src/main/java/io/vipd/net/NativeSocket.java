package io.vipd.net;

import static io.vipd.net.LinuxConstants.SHUT_RDWR;
import static io.vipd.net.LinuxConstants.SOCK_CLOEXEC;
import static io.vipd.net.LinuxConstants.SOL_SOCKET;
import static io.vipd.net.LinuxConstants.SO_BINDTODEVICE;
import static io.vipd.net.Syscalls.C;
import static io.vipd.net.Syscalls.check;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One socket file descriptor with checked operations. Every failing call throws a {@link
 * NativeIoException} naming the operation; {@link #close()} is idempotent.
 */
final class NativeSocket implements Closeable {
  private final int fd;
  private final String name;
  private volatile boolean closed;

  private NativeSocket(int fd, String name) {
    this.fd = fd;
    this.name = name;
  }

  /** {@code socket(domain, type | SOCK_CLOEXEC, protocol)}; {@code name} prefixes error messages. */
  static NativeSocket open(int domain, int type, int protocol, String name) throws NativeIoException {
    int fd = check(C.socket(domain, type | SOCK_CLOEXEC, protocol), name + ": socket");
    return new NativeSocket(fd, name);
  }

  int fd() {
    return fd;
  }

  void setInt(int level, int option, int value, String optionName) throws NativeIoException {
    setBytes(level, option, nativeInt(value), optionName);
  }

  void setBytes(int level, int option, byte[] value, String optionName) throws NativeIoException {
    check(C.setsockopt(fd, level, option, value, value.length), name + ": setsockopt " + optionName);
  }

  /** {@code SO_BINDTODEVICE}: only packets of this interface arrive, and sends leave through it. */
  void bindToDevice(String interfaceName) throws NativeIoException {
    byte[] ascii = interfaceName.getBytes(StandardCharsets.US_ASCII);
    byte[] terminated = new byte[ascii.length + 1];
    System.arraycopy(ascii, 0, terminated, 0, ascii.length);
    setBytes(SOL_SOCKET, SO_BINDTODEVICE, terminated, "SO_BINDTODEVICE " + interfaceName);
  }

  void bind(byte[] socketAddress, String what) throws NativeIoException {
    check(C.bind(fd, socketAddress, socketAddress.length), name + ": bind " + what);
  }

  void sendTo(byte[] data, int length, byte[] socketAddress, String what) throws NativeIoException {
    long sent = check(C.sendto(fd, data, length, 0, socketAddress, socketAddress.length),
        name + ": sendto " + what);
    if (sent != length) {
      throw new NativeIoException(name + ": sendto " + what, 0, "sent " + sent + " of " + length + " bytes");
    }
  }

  /** Blocks until a packet arrives; returns its length, or 0 once the socket was shut down. */
  int receive(byte[] buffer) throws NativeIoException {
    return (int) check(C.recvfrom(fd, buffer, buffer.length, 0, null, null), name + ": recvfrom");
  }

  /** Wakes a thread blocked in {@link #receive}: it returns 0. */
  void shutdown() {
    // Unconnected datagram and raw sockets answer ENOTCONN but still mark the socket shut down and wake
    // its readers (inet_shutdown), which is all we want here.
    C.shutdown(fd, SHUT_RDWR);
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      C.close(fd);
    }
  }

  @Override
  public String toString() {
    return name + " (fd " + fd + ")";
  }

  static byte[] nativeInt(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
  }
}
