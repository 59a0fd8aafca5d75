package io.vipd.lab.demo;

import io.vipd.lab.Tools;
import java.util.ArrayList;
import java.util.List;

/** What the demo needs from the machine: root (namespaces, raw sockets) and iproute2's {@code ip}. */
final class Preconditions {
  private Preconditions() {}

  /** One sentence per missing precondition; empty when the demo can run. */
  static List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!Tools.isRoot()) {
      problems.add("needs root (it creates network namespaces and raw sockets): run it with sudo");
    }
    if (!Tools.onPath("ip")) {
      problems.add("needs iproute2's `ip` command: apt-get install iproute2");
    }
    return problems;
  }
}
