package org.smoothcert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log event that carries an exception while it is open: what would print a stack trace on the
 * console of a user (smoothcert's and Spark's logs go to stderr through log4j2, which prints a logged
 * exception's stack trace).
 */
final class LoggedStackTraces implements AutoCloseable {
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final AbstractAppender appender = new AbstractAppender("logged-stack-traces", null, null, true,
      Property.EMPTY_ARRAY) {
    @Override
    public void append(LogEvent event) {
      if (event.getThrown() != null) {
        events.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getThrown());
      }
    }
  };

  LoggedStackTraces() {
    appender.start();
    context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
    context.updateLoggers();
  }

  List<String> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    context.getConfiguration().getRootLogger().removeAppender(appender.getName());
    context.updateLoggers();
    appender.stop();
  }
}
