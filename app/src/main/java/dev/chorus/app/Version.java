package dev.chorus.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build was made as. */
public final class Version {
  private Version() {}

  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/chorus-build.properties")) {
      if (in == null) return "dev";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
