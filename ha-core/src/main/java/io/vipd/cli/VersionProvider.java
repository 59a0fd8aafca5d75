package io.vipd.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest (Implementation-Version), "dev" when run from classes. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"vipd " + (version == null ? "dev" : version)};
  }
}
