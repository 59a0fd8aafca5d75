package io.vipd.lab.bench;

import io.vipd.lab.KeepalivedConfig;
import io.vipd.lab.KeepalivedProcess;
import io.vipd.lab.LabHost;
import io.vipd.lab.NodeConfig;
import io.vipd.lab.VipdProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One VRRP daemon of the benchmark, vipd or keepalived, behind the same few operations. */
sealed interface BenchNode {
  /** Starts it (again). */
  void start() throws IOException;

  /** SIGKILL, a crash: no goodbye advert, the VIP stays on the interface. */
  void kill() throws IOException, InterruptedException;

  /** SIGTERM, waiting for the exit. */
  void stop() throws IOException, InterruptedException;

  boolean isAlive();

  LabHost host();

  /** Which daemon a benchmark column measures. */
  enum Kind {
    VIPD("vipd"),
    KEEPALIVED("keepalived");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Writes the configuration into {@code directory} and starts the daemon in {@code host}. */
    BenchNode start(LabHost host, int priority, BenchSetting setting, String vip, Path directory)
        throws IOException {
      return switch (this) {
        case VIPD -> {
          NodeConfig config = new NodeConfig(host.name(), setting.version(), FailoverBench.VRID, priority,
              setting.advertInterval(), vip);
          Path file = config.writeTo(directory.resolve("vipd-" + host.name() + ".yaml"));
          yield new Vipd(VipdProcess.start(host, file, directory.resolve("vipd-" + host.name() + ".log"),
              List.of()));
        }
        case KEEPALIVED -> new Keepalived(KeepalivedProcess.start(host,
            KeepalivedConfig.of(FailoverBench.VRID, priority, setting.version(), vip)
                .withAdvertInterval(setting.advertInterval()), directory));
      };
    }
  }

  /** vipd run, started with the current class path. */
  record Vipd(VipdProcess process) implements BenchNode {
    @Override
    public void start() throws IOException {
      process.start();
    }

    @Override
    public void kill() throws InterruptedException {
      process.kill();
    }

    @Override
    public void stop() throws InterruptedException {
      process.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public LabHost host() {
      return process.host();
    }
  }

  /** A real keepalived (VRRP only). */
  record Keepalived(KeepalivedProcess process) implements BenchNode {
    @Override
    public void start() throws IOException {
      // After a SIGKILL the VRRP child is a zombie of init until init reaps it (a second or two on these
      // VMs); keepalived reads its pid file, sees the pid alive and refuses to start ("daemon is already
      // running"). The crashed daemon's pid files are stale by construction: remove them.
      String base = "keepalived-" + process.host().name();
      Files.deleteIfExists(process.configFile().resolveSibling(base + ".pid"));
      Files.deleteIfExists(process.configFile().resolveSibling(base + "-vrrp.pid"));
      process.start();
    }

    @Override
    public void kill() throws IOException, InterruptedException {
      process.kill();
    }

    @Override
    public void stop() throws IOException, InterruptedException {
      process.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public LabHost host() {
      return process.host();
    }
  }
}
