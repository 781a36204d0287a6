package io.github.domainevents.outbox.outside;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out one physical connection again and again, as a pool does: {@code close()} gives it
 * back (counted) instead of closing it, so a test can see the state it is given back in.
 */
final class SingleConnectionDataSource extends UrlDataSource {
  private final Connection physical;
  private final AtomicInteger closes = new AtomicInteger();
  private volatile boolean refuseClose;

  SingleConnectionDataSource(Connection physical) {
    super("jdbc:unused");
    this.physical = physical;
  }

  @Override
  public Connection getConnection() {
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          if (method.getName().equals("close")) {
            closes.incrementAndGet();
            if (refuseClose) {
              throw new SQLException("close refused");
            }
            return null;
          }
          try {
            return method.invoke(physical, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** From now on, giving the connection back fails (it is still counted). */
  void refuseClose() {
    refuseClose = true;
  }

  int closes() {
    return closes.get();
  }

  @Override
  public String toString() {
    return "SingleConnectionDataSource";
  }
}
