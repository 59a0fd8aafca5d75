package io.vipd.instance;

import io.vipd.config.VipConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fake interface addresses and announcer for unit tests: remembers what is configured and announced. */
final class RecordingAddresses implements AddressControl, Announcer {
  final List<VipConfig> configured = new CopyOnWriteArrayList<>();
  final List<VipConfig> announced = new CopyOnWriteArrayList<>();

  @Override
  public void add(List<VipConfig> addresses) {
    for (VipConfig a : addresses) {
      if (!configured.contains(a)) {
        configured.add(a);
      }
    }
  }

  @Override
  public void remove(List<VipConfig> addresses) {
    configured.removeAll(addresses);
  }

  @Override
  public List<VipConfig> present(List<VipConfig> addresses) {
    List<VipConfig> present = new ArrayList<>(addresses);
    present.retainAll(configured);
    return present;
  }

  @Override
  public void announce(List<VipConfig> addresses) {
    announced.addAll(addresses);
  }
}
