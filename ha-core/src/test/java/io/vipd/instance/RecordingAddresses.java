package io.vipd.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fake interface addresses and announcer for unit tests: remembers what is configured and announced. */
final class RecordingAddresses implements AddressControl, Announcer {
  final List<VirtualAddress> configured = new CopyOnWriteArrayList<>();
  final List<VirtualAddress> announced = new CopyOnWriteArrayList<>();

  @Override
  public void add(List<VirtualAddress> addresses) {
    for (VirtualAddress a : addresses) {
      if (!configured.contains(a)) {
        configured.add(a);
      }
    }
  }

  @Override
  public void remove(List<VirtualAddress> addresses) {
    configured.removeAll(addresses);
  }

  @Override
  public List<VirtualAddress> present(List<VirtualAddress> addresses) {
    List<VirtualAddress> present = new ArrayList<>(addresses);
    present.retainAll(configured);
    return present;
  }

  @Override
  public void announce(List<VirtualAddress> addresses) {
    announced.addAll(addresses);
  }
}
