package io.vipd.plugins.transport.udp;

/** A clock the test moves by hand; wall and monotonic time can be stepped independently. */
final class ManualClock implements TransportClock {

  long wall = 1_700_000_000_000L;
  long monotonic = 5_000;

  @Override
  public long wallMillis() {
    return wall;
  }

  @Override
  public long monotonicMillis() {
    return monotonic;
  }

  void advance(long millis) {
    wall += millis;
    monotonic += millis;
  }
}
