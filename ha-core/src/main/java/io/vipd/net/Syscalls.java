package io.vipd.net;

import com.sun.jna.Native;

/** Turns libc return codes into exceptions carrying the operation, {@code errno} and its text. */
final class Syscalls {
  static {
    if (Native.POINTER_SIZE != 8) {
      throw new ExceptionInInitializerError("vipd's native layer needs a 64-bit JVM");
    }
  }

  private Syscalls() {}

  static final LibC C = LibC.INSTANCE;

  /** Returns {@code result}, or throws when it is negative (the call failed and set errno). */
  static int check(int result, String operation) throws NativeIoException {
    if (result < 0) {
      throw failure(operation);
    }
    return result;
  }

  static long check(long result, String operation) throws NativeIoException {
    if (result < 0) {
      throw failure(operation);
    }
    return result;
  }

  /** The exception for the errno the last native call on this thread left behind. */
  static NativeIoException failure(String operation) {
    int errno = Native.getLastError();
    return new NativeIoException(operation, errno, C.strerror(errno));
  }

  /** The exception for an errno reported another way (a netlink error message). */
  static NativeIoException error(String operation, int errno) {
    return new NativeIoException(operation, errno, C.strerror(errno));
  }
}
