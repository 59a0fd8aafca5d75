package io.vipd.plugins.notify.exec;

/** A command failed and {@code retry-on-failure: true} asks the dispatcher to run it again. */
final class ExecFailedException extends RuntimeException {
  ExecFailedException(String message) {
    super(message, null, false, false);
  }
}
