package io.vipd.cli;

/**
 * A picocli command that another module adds to {@code vipd} through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.vipd.cli.VipdSubcommand}): the lab's {@code vipd demo} lives outside the
 * daemon jar and appears only when the lab is on the class path.
 */
public interface VipdSubcommand {}
