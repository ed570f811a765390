package io.vitrine.launcher;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The entry point of {@code vitrine.jar}. Payara Micro binds its HTTP port before the application
 * and its MicroProfile Config exist, so the port is the one setting read here: {@code
 * -Dvitrine.port} or {@code VITRINE_PORT}, handed to Payara Micro as {@code payaramicro.port}
 * unless {@code --port} is given. Everything else is Payara Micro's own start.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    String port = System.getProperty("vitrine.port");
    if (port == null || port.isBlank()) {
      port = System.getenv("VITRINE_PORT");
    }
    boolean portArgument = Arrays.stream(args).anyMatch(a -> a.equalsIgnoreCase("--port"));
    if (port != null
        && !port.isBlank()
        && !portArgument
        && System.getProperty("payaramicro.port") == null) {
      System.setProperty("payaramicro.port", port.strip());
    }
    try {
      Class.forName("fish.payara.micro.PayaraMicro")
          .getMethod("main", String[].class)
          .invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }
}
