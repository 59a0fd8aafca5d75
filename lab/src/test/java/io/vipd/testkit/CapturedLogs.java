package io.vipd.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line of the given logger names, at every level, until closed (then restores
 * their levels). Lets tests assert what was logged, or that a secret never was.
 */
public final class CapturedLogs implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Map<Logger, Level> previousLevels = new HashMap<>();
  private final Logger root;

  public CapturedLogs(String... loggerNames) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    for (String name : loggerNames) {
      Logger logger = context.getLogger(name);
      previousLevels.put(logger, logger.getLevel());
      logger.setLevel(Level.TRACE);
    }
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /** Every captured line, formatted, with the logger name, the message and any exception chain's messages. */
  public List<String> lines() {
    synchronized (appender) {
      return appender.list.stream().map(CapturedLogs::describe).toList();
    }
  }

  public List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    previousLevels.forEach(Logger::setLevel);
  }

  private static String describe(ILoggingEvent event) {
    StringBuilder text =
        new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
    for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
      text.append(" | ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
    }
    return text.toString();
  }
}
