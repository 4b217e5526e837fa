package dev.chorus.listen.sentiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VADER evaluation data kept outside the product, in {@code shared/data/vader} beside the
 * repository. Found through the system property {@code chorus.vader.dir}, the environment variable
 * {@code CHORUS_VADER_DIR}, or by walking up from the working directory. Missing data is a failure,
 * never a skip: CI always has it.
 */
final class VaderData {

  static final String[] DATASETS = {"tweets", "nytEditorialSnippets"};

  record Item(String dataset, String id, double gold, String text) {}

  record Reference(
      String dataset,
      String id,
      double gold,
      double neg,
      double neu,
      double pos,
      double compound) {}

  private VaderData() {}

  static Path directory() {
    String configured = System.getProperty("chorus.vader.dir", System.getenv("CHORUS_VADER_DIR"));
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured);
      if (!Files.isDirectory(dir)) {
        throw new AssertionError(
            "chorus.vader.dir / CHORUS_VADER_DIR points to " + dir + ", not a directory");
      }
      return dir;
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = start; d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared").resolve("data").resolve("vader");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "VADER evaluation data not found: looked for shared/data/vader in "
            + start
            + " and every parent; put shared/ beside the repository or set -Dchorus.vader.dir");
  }

  /** The texts and mean human ratings (-4..+4) of one dataset, in file order. */
  static List<Item> groundTruth(String dataset) {
    List<Item> items = new ArrayList<>();
    for (String line : lines(directory().resolve(dataset + "_GroundTruth.txt"))) {
      String[] fields = line.split("\t", 3);
      if (fields.length != 3) {
        throw new AssertionError(dataset + ": malformed line " + line);
      }
      items.add(new Item(dataset, fields[0], Double.parseDouble(fields[1]), fields[2]));
    }
    return items;
  }

  /** The vaderSentiment scores, keyed by {@code dataset + "/" + id}. */
  static Map<String, Reference> reference() {
    Map<String, Reference> rows = new LinkedHashMap<>();
    List<String> lines = lines(directory().resolve("reference/vader_reference_scores.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      Reference r =
          new Reference(
              f[0],
              f[1],
              Double.parseDouble(f[2]),
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4]),
              Double.parseDouble(f[5]),
              Double.parseDouble(f[6]));
      rows.put(r.dataset() + "/" + r.id(), r);
    }
    return rows;
  }

  private static List<String> lines(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>();
      for (String line : content.split("\n", -1)) {
        String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (!stripped.isEmpty()) {
          lines.add(stripped);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }
}
