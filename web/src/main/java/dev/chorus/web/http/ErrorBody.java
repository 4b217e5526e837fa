package dev.chorus.web.http;

/**
 * Every API error: {@code {"error":{"code","message","field"}}}.
 *
 * @param field the request field at fault, or null when no single field is
 */
public record ErrorBody(Detail error) {
  /** The error itself. */
  public record Detail(String code, String message, String field) {}

  public static ErrorBody of(String code, String message, String field) {
    return new ErrorBody(new Detail(code, message, field));
  }
}
