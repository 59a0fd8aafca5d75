package io.vipd.net;

import java.io.IOException;

/** A system call (or a netlink request) failed; {@link #errno()} says why. */
public final class NativeIoException extends IOException {
  private final int errno;

  public NativeIoException(String operation, int errno, String description) {
    super(operation + ": " + description + " (errno " + errno + ")");
    this.errno = errno;
  }

  /** The positive errno value ({@link Errno}). */
  public int errno() {
    return errno;
  }

  /**
   * Whether the call failed because the address is not (yet) usable on this host: EADDRNOTAVAIL, as a
   * bind to an IPv6 address still in duplicate address detection answers.
   */
  public boolean isAddressNotAvailable() {
    return errno() == Errno.EADDRNOTAVAIL;
  }
}
