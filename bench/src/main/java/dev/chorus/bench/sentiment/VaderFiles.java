package dev.chorus.bench.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the VADER evaluation data from {@code shared/data/vader}: found through {@code
 * -Dchorus.vader.dir}, the environment variable {@code CHORUS_VADER_DIR}, or by walking up from the
 * working directory.
 */
final class VaderFiles {

  /** One evaluation text with its mean human rating (-4..+4) and vaderSentiment's compound. */
  record Item(String dataset, String id, double gold, String text, double referenceCompound) {}

  private VaderFiles() {}

  static Path directory() {
    String configured = System.getProperty("chorus.vader.dir", System.getenv("CHORUS_VADER_DIR"));
    if (configured != null && !configured.isBlank()) {
      return requireDirectory(Path.of(configured));
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = start; d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared/data/vader");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "VADER evaluation data not found: no shared/data/vader in "
            + start
            + " or its parents; set -Dchorus.vader.dir or CHORUS_VADER_DIR");
  }

  private static Path requireDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("chorus.vader.dir points to " + dir + ", not a directory");
    }
    return dir;
  }

  /** The items of one dataset ("tweets" or "nytEditorialSnippets"), joined to the reference. */
  static List<Item> load(Path dir, String dataset) throws IOException {
    Map<String, Double> reference = new HashMap<>();
    List<String> rows = lines(dir.resolve("reference/vader_reference_scores.tsv"));
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split("\t");
      if (f[0].equals(dataset)) {
        reference.put(f[1], Double.parseDouble(f[6]));
      }
    }
    List<Item> items = new ArrayList<>();
    for (String line : lines(dir.resolve(dataset + "_GroundTruth.txt"))) {
      String[] f = line.split("\t", 3);
      Double compound = reference.get(f[0]);
      if (compound == null) {
        throw new IllegalStateException(dataset + " id " + f[0] + " has no reference row");
      }
      items.add(new Item(dataset, f[0], Double.parseDouble(f[1]), f[2], compound));
    }
    return items;
  }

  private static List<String> lines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
      String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (!stripped.isEmpty()) {
        lines.add(stripped);
      }
    }
    return lines;
  }
}
