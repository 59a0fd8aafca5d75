package io.vipd.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin jar at test time: compiles Java sources against the test class path, writes
 * the manifest ({@code Plugin-Id}, {@code Plugin-Version}) and {@code META-INF/extensions.idx}, the way the
 * plugins parent POM and PF4J's annotation processor do for shipped plugins.
 */
public final class PluginJarBuilder {
  private final String pluginId;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final List<String> extensions = new ArrayList<>();
  private final List<String> leftOut = new ArrayList<>();
  private boolean manifest = true;

  private PluginJarBuilder(String pluginId) {
    this.pluginId = pluginId;
  }

  public static PluginJarBuilder plugin(String pluginId) {
    return new PluginJarBuilder(pluginId);
  }

  /** Adds a class; {@code className} is fully qualified. */
  public PluginJarBuilder source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /** Adds a class and lists it in extensions.idx. */
  public PluginJarBuilder extension(String className, String code) {
    extensions.add(className);
    return source(className, code);
  }

  /** Compiles {@code className} but leaves it out of the jar (a dependency the host lacks). */
  public PluginJarBuilder leaveOut(String className) {
    leftOut.add(className);
    return this;
  }

  public PluginJarBuilder withoutManifest() {
    manifest = false;
    return this;
  }

  /** A health check factory of {@code type} whose checks answer UP with {@code message}. */
  public static String checkFactorySource(String packageName, String simpleName, String type, String message) {
    return """
        package %s;
        @org.pf4j.Extension
        public class %s implements io.vipd.api.HealthCheckFactory {
          public String type() { return "%s"; }
          public io.vipd.api.HealthCheck create(io.vipd.api.PluginContext context, io.vertx.core.json.JsonObject config) {
            return () -> io.vertx.core.Future.succeededFuture(
                io.vipd.api.CheckResult.up("%s", java.time.Duration.ZERO));
          }
        }
        """.formatted(packageName, simpleName, type, message);
  }

  public Path buildInto(Path directory, String jarName) throws IOException {
    Path classes = Files.createTempDirectory("plugin-classes");
    compile(classes);
    Path jar = directory.resolve(jarName);
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (manifest) {
      mf.getMainAttributes().putValue("Plugin-Id", pluginId);
      mf.getMainAttributes().putValue("Plugin-Version", "1.2.3");
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = classes.relativize(file).toString();
        String className = name.replace('/', '.').replaceAll("\\.class$", "");
        if (leftOut.contains(className)) {
          continue;
        }
        out.putNextEntry(new JarEntry(name));
        Files.copy(file, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
      out.write((String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  private void compile(Path output) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, code) -> units.add(new Source(name, code)));
    StringWriter diagnostics = new StringWriter();
    List<String> options = List.of("-proc:none", "-d", output.toString(),
        "-classpath", System.getProperty("java.class.path"));
    boolean ok = compiler.getTask(diagnostics, null, null, options, null, units).call();
    if (!ok) {
      throw new IllegalStateException("test plugin does not compile: " + diagnostics);
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
