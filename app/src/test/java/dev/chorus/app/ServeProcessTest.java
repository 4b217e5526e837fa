package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chorus serve} as its own process, as an operator runs it: the setup link on first start,
 * structured JSON logs, and a clean stop on SIGTERM.
 */
class ServeProcessTest {
  @TempDir Path dir;

  @Test
  void serveCountsRequestsInJsonLogsAndStopsCleanlyOnSigterm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java,
                // The production logging configuration, not the tests' one on the classpath.
                "-Dlog4j2.configurationFile=classpath:log4j2.xml",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.chorus.app.Main",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data-dir",
                dir.toString()));
    pb.environment().put("CHORUS_LOG_FORMAT", "json");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    List<String> all = Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  lines.add(line);
                  all.add(line);
                }
              } catch (java.io.IOException ignored) {
                // The process ended.
              }
            });
    reader.start();
    try {
      String url = null;
      String setup = null;
      Pattern running = Pattern.compile("is running at (http://\\S+)");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((url == null || setup == null) && System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line == null) continue;
        Matcher m = running.matcher(line);
        if (m.find()) url = m.group(1);
        if (line.contains("/setup?token=")) setup = line.strip();
      }
      assertThat(url).as("the server announced its URL").isNotNull();
      assertThat(setup)
          .as("the one-time setup link was printed")
          .startsWith(url + "/setup?token=setup_");
      assertThat(new Browser(url).get(setup.substring(url.length())).statusCode()).isEqualTo(200);

      ObjectMapper json = new ObjectMapper();
      JsonNode logged = null;
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (logged == null && System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line != null && line.startsWith("{") && line.contains("/setup"))
          logged = json.readTree(line);
      }
      assertThat(logged).as("a JSON log line for the request").isNotNull();
      assertThat(logged.get("log.level").asText()).isEqualTo("INFO");
      assertThat(logged.toString()).contains("\"route\":\"/setup\"").contains("\"status\":\"200\"");
    } finally {
      // What an operator's `kill` or systemd sends; Process.destroy() skipped the JVM's hooks here.
      new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(5000);
    assertThat(String.join("\n", all)).as("exit " + p.exitValue()).contains("Chorus is stopping");
  }
}
