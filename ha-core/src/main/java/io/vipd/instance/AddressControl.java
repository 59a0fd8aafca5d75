package io.vipd.instance;

import io.vipd.config.VipConfig;
import java.io.IOException;
import java.util.List;

/** Puts an instance's virtual addresses on its interface and takes them off again; both idempotent. */
public interface AddressControl {

  void add(List<VipConfig> addresses) throws IOException;

  void remove(List<VipConfig> addresses) throws IOException;

  /** The subset of {@code addresses} currently configured on the interface. */
  List<VipConfig> present(List<VipConfig> addresses) throws IOException;
}
