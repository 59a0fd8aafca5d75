package io.vipd.scenario;

import io.vipd.instance.TransitionLine;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdProcess;
import io.vipd.testkit.VipdCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One vipd node of a scenario: a lab host, its config file and its {@code vipd run} process. Restarts
 * append to the same log; {@link #transitions()} only shows the current run's state changes.
 */
final class Node {
  private final LabHost host;
  private final Path configFile;
  private final Path log;
  private final Path pluginsDirectory;
  private VipdProcess process;
  /** Transitions logged by earlier runs, skipped by {@link #transitions()}. */
  private int earlierTransitions;

  Node(LabHost host, Path directory) {
    this.host = host;
    this.configFile = directory.resolve(host.name() + ".yaml");
    this.log = directory.resolve(host.name() + ".log");
    this.pluginsDirectory = directory.resolve("no-plugins");
  }

  String name() {
    return host.name();
  }

  LabHost host() {
    return host;
  }

  Path configFile() {
    return configFile;
  }

  /** Writes {@code config} and starts {@code vipd run} (again, after a kill or stop). */
  void start(NodeConfig config) throws IOException {
    Files.writeString(configFile, config.yaml(pluginsDirectory));
    earlierTransitions = TransitionLine.in(log(), NodeConfig.INSTANCE).size();
    if (process == null) {
      process = VipdProcess.start(host, configFile, log, List.of());
    } else {
      process.start();
    }
  }

  /** SIGKILL: a crash, the VIP stays on the interface. */
  void kill() throws InterruptedException {
    process.kill();
  }

  /** SIGTERM; the exit code, or -1 when it did not exit within {@code timeout}. */
  int stop(Duration timeout) throws InterruptedException {
    return process.stop(timeout);
  }

  /** Where its vipd keeps its state; the same on every restart. */
  Path stateDirectory() {
    return process.stateDirectory();
  }

  /** Runs {@code vipd args...} on this node's host, as its operator would. */
  VipdCli.Result vipd(String... args) throws IOException, InterruptedException {
    return VipdCli.run(host, args);
  }

  /** The process id of the running vipd, for signals. */
  long pid() {
    return process.pid();
  }

  /** The transitions of the current run after the first {@code mark}. */
  List<TransitionLine> transitionsAfter(int mark) throws IOException {
    List<TransitionLine> transitions = transitions();
    return transitions.subList(Math.min(mark, transitions.size()), transitions.size());
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The state changes of the current run, oldest first. */
  List<TransitionLine> transitions() throws IOException {
    List<TransitionLine> all = TransitionLine.in(log(), NodeConfig.INSTANCE);
    return all.subList(Math.min(earlierTransitions, all.size()), all.size());
  }

  Optional<TransitionLine> lastTransition() throws IOException {
    List<TransitionLine> transitions = transitions();
    return transitions.isEmpty() ? Optional.empty() : Optional.of(transitions.get(transitions.size() - 1));
  }

  /** The state of the current run as its log says; INITIALIZE before its first transition. */
  String state() throws IOException {
    return lastTransition().map(TransitionLine::to).orElse("INITIALIZE");
  }

  /** How many transitions the current run has logged so far: a mark for {@link #firstInto(String, int)}. */
  int mark() throws IOException {
    return transitions().size();
  }

  /** The first transition into {@code state} after {@code mark} transitions of the current run. */
  Optional<TransitionLine> firstInto(String state, int mark) throws IOException {
    List<TransitionLine> transitions = transitions();
    return transitions.subList(Math.min(mark, transitions.size()), transitions.size()).stream()
        .filter(t -> t.to().equals(state)).findFirst();
  }

  boolean hasAddress(String address) throws IOException {
    return host.hasAddress(address);
  }

  String mac() throws IOException {
    return host.mac();
  }

  /** The whole log of this node, all runs. */
  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
