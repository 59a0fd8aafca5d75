package io.vipd.net;

/** The errno values vipd reacts to (Linux asm-generic/errno-base.h and errno.h). */
final class Errno {
  private Errno() {}

  static final int ENOENT = 2;
  static final int EINTR = 4;
  static final int EAGAIN = 11;
  static final int EEXIST = 17;
  static final int ENODEV = 19;
  static final int ENOTCONN = 107;
  static final int EADDRNOTAVAIL = 99;
}
