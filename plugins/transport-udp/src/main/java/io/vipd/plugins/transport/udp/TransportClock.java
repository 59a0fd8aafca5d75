package io.vipd.plugins.transport.udp;

/** The two clocks the replay protection needs; tests substitute a manual one. */
interface TransportClock {

  /** Wall-clock time in ms since 1970: comparable between hosts whose clocks are synchronised. */
  long wallMillis();

  /** A monotonic time in ms: immune to clock steps, meaningful only within this process. */
  long monotonicMillis();

  TransportClock SYSTEM = new TransportClock() {
    @Override
    public long wallMillis() {
      return System.currentTimeMillis();
    }

    @Override
    public long monotonicMillis() {
      return System.nanoTime() / 1_000_000;
    }
  };
}
