package io.vipd.daemon;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instances an operator put in maintenance, kept in {@value #FILE_NAME} in the {@link StateDirectory}
 * so that a drained node stays drained across a restart or a reboot: the daemon puts them in FAULT before
 * they start, so they never send an advert as master. The file is {@code {"version":1,"maintenance":[...]}}
 * and is replaced atomically (temporary file, fsync, rename, fsync of the directory): after a crash it is
 * the old file or the new one, never part of one.
 *
 * <p>A file that exists but cannot be read or is not this format puts every configured instance in
 * maintenance, logged as an error: a node drained for work must not take a VIP because its note was lost,
 * while the other nodes keep serving. Switching any instance with the API rewrites the file. Names that
 * are no longer configured are logged and dropped at the next write. A missing file means none.
 */
public final class MaintenanceState {
  private static final Logger log = LoggerFactory.getLogger(MaintenanceState.class);
  public static final String FILE_NAME = "maintenance.json";
  /** The fault source, and reason, maintenance raises on an instance. */
  public static final String FAULT = "maintenance";
  /** The fault reason of the instances put in maintenance because the file could not be read. */
  public static final String UNREADABLE_FAULT = "maintenance (state file unreadable)";
  private static final int VERSION = 1;

  private final Path file;
  /** Guarded by {@code this}. */
  private final Set<String> names;
  private final boolean unreadable;

  private MaintenanceState(Path file, Set<String> names, boolean unreadable) {
    this.file = file;
    this.names = names;
    this.unreadable = unreadable;
  }

  /** Reads {@code directory}'s file; never fails (see the class comment for what a bad file means). */
  public static MaintenanceState load(Path directory, Collection<String> configured) {
    Path file = directory.resolve(FILE_NAME);
    Set<String> found;
    try {
      found = parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      log.debug("no maintenance state in {}", file);
      return new MaintenanceState(file, new TreeSet<>(), false);
    } catch (IOException | RuntimeException e) {
      String why = e instanceof IOException ? e.getClass().getSimpleName() : e.getMessage();
      log.error("cannot read the maintenance state {} ({}): every instance starts in maintenance, so that a"
          + " node drained before the restart does not take a VIP. Check the file, then end maintenance with"
          + " `vipd maintenance NAME off` for each instance (that rewrites the file)", file, why);
      return new MaintenanceState(file, new TreeSet<>(configured), true);
    }
    Set<String> kept = new TreeSet<>();
    for (String name : found) {
      if (configured.contains(name)) {
        kept.add(name);
      } else {
        log.info("{} names instance {}, which is not configured: ignored", file, name);
      }
    }
    if (!kept.isEmpty()) {
      log.info("instance(s) {} stay in maintenance, as before the restart ({}); `vipd maintenance NAME off`"
          + " ends it", String.join(", ", kept), file);
    }
    return new MaintenanceState(file, kept, false);
  }

  private static Set<String> parse(String text) {
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    if (!Integer.valueOf(VERSION).equals(json.getValue("version"))) {
      throw new IllegalArgumentException("version is " + json.getValue("version") + ", not " + VERSION);
    }
    if (!(json.getValue("maintenance") instanceof JsonArray list)) {
      throw new IllegalArgumentException("no maintenance list");
    }
    Set<String> names = new TreeSet<>();
    for (Object item : list) {
      if (!(item instanceof String name) || name.isBlank()) {
        throw new IllegalArgumentException("the maintenance list holds " + item + ", not an instance name");
      }
      names.add(name);
    }
    return names;
  }

  public Path file() {
    return file;
  }

  public synchronized boolean contains(String instance) {
    return names.contains(instance);
  }

  /** The fault reason of the instances in maintenance at start. */
  public String startReason() {
    return unreadable ? UNREADABLE_FAULT : FAULT;
  }

  /**
   * Puts {@code instance} in maintenance or takes it out, and saves the file (blocking I/O: call it off the
   * event loop). Returns whether it was saved; when not, the change holds until the daemon stops.
   */
  public synchronized boolean set(String instance, boolean enabled) {
    if (enabled) {
      names.add(instance);
    } else {
      names.remove(instance);
    }
    try {
      save();
      log.info("maintenance state saved to {}: {}", file, names.isEmpty() ? "none" : String.join(", ", names));
      return true;
    } catch (IOException | RuntimeException e) {
      log.warn("cannot save the maintenance state to {} ({}): maintenance {} for {} holds only until vipd stops",
          file, e.toString(), enabled ? "on" : "off", instance);
      return false;
    }
  }

  private void save() throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    JsonObject json = new JsonObject().put("version", VERSION).put("maintenance", new JsonArray(names.stream().toList()));
    ByteBuffer bytes = ByteBuffer.wrap((json.encode() + "\n").getBytes(StandardCharsets.UTF_8));
    Path temporary = directory.resolve(FILE_NAME + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    // the rename itself survives a power cut only once the directory is on disk
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      log.debug("cannot fsync {}: {}", directory, e.toString());
    }
  }
}
