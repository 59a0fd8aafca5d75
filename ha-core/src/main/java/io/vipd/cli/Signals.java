package io.vipd.cli;

import io.vipd.daemon.Daemon;
import io.vipd.instance.VrrpInstance;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * What each signal a user may send does to a running daemon; none ends it without resigning.
 *
 * <ul>
 *   <li>TERM, INT: resign (priority-0 adverts, VIPs removed) and exit 0;
 *   <li>HUP: reload (what keepalived users send, and systemd's ExecReload): the file is read again and the
 *       difference applied on a thread of its own; a refused file is logged with every problem and changes
 *       nothing;
 *   <li>USR1: logs every instance's state and priority (keepalived dumps its data on USR1);
 *   <li>the others whose default action would end the process at once (USR2, ALRM, PWR, ...): logged
 *       and ignored.
 * </ul>
 * QUIT stays the JVM's thread dump; ABRT and TRAP stay what crash dumps and debuggers expect; STOP/TSTP
 * pause it (its backup takes over, as when a host freezes). KILL cannot be caught.
 */
public final class Signals {
  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);
  /** Signals that would end the process without a word; those the JVM reserves are skipped. */
  private static final List<String> IGNORED =
      List.of("USR2", "ALRM", "VTALRM", "PROF", "IO", "PWR", "STKFLT", "XCPU", "XFSZ", "SYS");

  private Signals() {}

  /** Installs the handlers; {@code stop} resigns and ends the process (run once, on its own thread). */
  public static void install(Daemon daemon, Runnable stop) {
    handle("TERM", signal -> new Thread(stop, "vipd-stop").start());
    handle("INT", signal -> new Thread(stop, "vipd-stop").start());
    handle("HUP", signal -> new Thread(() -> reload(daemon), "vipd-reload").start());
    handle("USR1", signal -> logState(daemon));
    for (String name : IGNORED) {
      handle(name, signal -> LOG.warn("SIG{} ignored: vipd stops on SIGTERM or SIGINT", name));
    }
  }

  private static void reload(Daemon daemon) {
    LOG.info("SIGHUP: reloading {}", daemon.config().source());
    try {
      daemon.reload(false);
    } catch (RuntimeException e) {
      LOG.error("reload failed", e);
    }
  }

  private static void logState(Daemon daemon) {
    LOG.info("SIGUSR1: node {}, {} instance(s)", daemon.config().node(), daemon.instances().size());
    for (VrrpInstance instance : daemon.instances()) {
      LOG.info("  {}: {}, priority {} (base {}), adverts sent {}, received {}{}", instance.name(), instance.state(),
          instance.effectivePriority(), instance.spec().settings().priority(), instance.advertsSent(),
          instance.advertsReceived(), instance.faultReason().map(r -> ", fault: " + r).orElse(""));
    }
  }

  private static void handle(String name, sun.misc.SignalHandler handler) {
    try {
      Signal.handle(new Signal(name), handler);
    } catch (IllegalArgumentException reservedOrUnknown) {
      LOG.debug("SIG{} is reserved by the JVM or unknown here: {}", name, reservedOrUnknown.getMessage());
    }
  }
}
