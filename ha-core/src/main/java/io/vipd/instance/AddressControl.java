package io.vipd.instance;

import java.io.IOException;
import java.util.List;

/** Puts an instance's virtual addresses on its interface and takes them off again; both idempotent. */
public interface AddressControl {

  void add(List<VirtualAddress> addresses) throws IOException;

  void remove(List<VirtualAddress> addresses) throws IOException;

  /** The subset of {@code addresses} currently configured on the interface. */
  List<VirtualAddress> present(List<VirtualAddress> addresses) throws IOException;
}
