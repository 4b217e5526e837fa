package dev.chorus.core.publishing.queue;

import dev.chorus.core.error.Invalid;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: fields separated by commas, records by CRLF or LF; a field in
 * double quotes may hold commas, line breaks and doubled quotes ({@code ""} for one). A byte-order
 * mark at the start is skipped; an empty last line is not a record.
 */
public final class CsvReader {
  /** A record and the line it starts on (1-based, as a spreadsheet numbers rows). */
  public record Row(int line, List<String> fields) {}

  private CsvReader() {}

  /**
   * Every record of {@code text}.
   *
   * @throws Invalid on "file" when a quoted field never closes or a quote stands inside a bare
   *     field
   */
  public static List<Row> read(String text) {
    List<Row> rows = new ArrayList<>();
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int n = s.length();
    int i = 0;
    int line = 1;
    while (i < n) {
      int startLine = line;
      List<String> fields = new ArrayList<>();
      while (true) {
        StringBuilder f = new StringBuilder();
        if (i < n && s.charAt(i) == '"') {
          i++;
          while (true) {
            if (i >= n) {
              throw new Invalid("file", "line " + startLine + ": a quoted field never closes");
            }
            char c = s.charAt(i);
            if (c == '"') {
              if (i + 1 < n && s.charAt(i + 1) == '"') {
                f.append('"');
                i += 2;
              } else {
                i++;
                break;
              }
            } else {
              if (c == '\n') line++;
              f.append(c);
              i++;
            }
          }
          if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            throw new Invalid(
                "file", "line " + line + ": text after a closing quote; double a quote inside one");
          }
        } else {
          while (i < n) {
            char c = s.charAt(i);
            if (c == ',' || c == '\n' || c == '\r') break;
            if (c == '"') {
              throw new Invalid(
                  "file", "line " + line + ": a quote inside a field needs the field in quotes");
            }
            f.append(c);
            i++;
          }
        }
        fields.add(f.toString());
        if (i < n && s.charAt(i) == ',') {
          i++;
          continue;
        }
        if (i < n && s.charAt(i) == '\r') i++;
        if (i < n && s.charAt(i) == '\n') {
          i++;
          line++;
        }
        break;
      }
      rows.add(new Row(startLine, fields));
    }
    return rows;
  }
}
