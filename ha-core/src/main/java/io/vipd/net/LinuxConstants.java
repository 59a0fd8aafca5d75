package io.vipd.net;

/** Socket constants from the Linux UAPI headers (x86_64 and aarch64 share these values). */
final class LinuxConstants {
  private LinuxConstants() {}

  // <bits/socket.h>
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int AF_NETLINK = 16;
  static final int AF_PACKET = 17;
  static final int SOCK_RAW = 3;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int SHUT_RDWR = 2;

  // <asm-generic/socket.h>
  static final int SOL_SOCKET = 1;
  static final int SO_RCVBUF = 8;
  static final int SO_BINDTODEVICE = 25;

  // <linux/in.h>
  static final int IPPROTO_ICMP = 1;
  static final int SOL_IP = 0;
  static final int IP_TTL = 2;
  static final int IP_MULTICAST_IF = 32;
  static final int IP_MULTICAST_TTL = 33;
  static final int IP_MULTICAST_LOOP = 34;
  static final int IP_ADD_MEMBERSHIP = 35;

  // <linux/in6.h>
  static final int SOL_IPV6 = 41;
  static final int IPV6_UNICAST_HOPS = 16;
  static final int IPV6_MULTICAST_IF = 17;
  static final int IPV6_MULTICAST_HOPS = 18;
  static final int IPV6_MULTICAST_LOOP = 19;
  static final int IPV6_ADD_MEMBERSHIP = 20;
  static final int IPV6_RECVPKTINFO = 49;
  static final int IPV6_PKTINFO = 50;
  static final int IPV6_RECVHOPLIMIT = 51;
  static final int IPV6_HOPLIMIT = 52;

  // <linux/icmp.h>: a raw ICMP socket's per-type receive filter
  static final int SOL_RAW = 255;
  static final int ICMP_FILTER = 1;

  // <linux/if_ether.h>
  static final int ETH_P_IP = 0x0800;

  // <poll.h>
  static final short POLLIN = 0x1;
}
