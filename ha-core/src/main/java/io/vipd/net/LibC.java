package io.vipd.net;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few libc calls vipd needs, bound with JNA. Callers check every return value through {@link Syscalls};
 * JNA preserves {@code errno} after each call ({@link Native#getLastError()}).
 *
 * <p>Socket addresses are passed as byte arrays built by {@link SocketAddresses}; JNA copies arrays in and
 * back out around the call. {@code size_t}/{@code ssize_t} are Java {@code long}: vipd runs on 64-bit Linux
 * only (checked in {@link Syscalls}).
 */
interface LibC extends Library {
  LibC INSTANCE = Native.load("c", LibC.class);

  int socket(int domain, int type, int protocol);

  int setsockopt(int fd, int level, int name, byte[] value, int length);

  int bind(int fd, byte[] address, int length);

  long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength);

  long recvfrom(int fd, byte[] buffer, long length, int flags, byte[] address, int[] addressLength);

  long recvmsg(int fd, Pointer msghdr, int flags);

  int poll(byte[] pollfds, long count, int timeoutMillis);

  int pipe2(int[] fds, int flags);

  long write(int fd, byte[] buffer, long length);

  int shutdown(int fd, int how);

  int close(int fd);

  int if_nametoindex(String name);

  Pointer if_indextoname(int index, byte[] name);

  String strerror(int errno);
}
