package dev.chorus.web.api;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.chorus.web.http.ErrorBody;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the OpenAPI 3.1 document from the declared {@link Operation}s and, for every body type,
 * from what Jackson itself will read and write (names after snake_case, types, nullability from
 * {@link Nullable}). Nothing in it is written by hand.
 */
public final class OpenApiDocument {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-zA-Z]+)}");
  private final ObjectMapper mapper;
  private final Map<String, Object> schemas = new LinkedHashMap<>();

  private OpenApiDocument(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public static Map<String, Object> build(
      List<Operation> ops, ObjectMapper mapper, String version) {
    return new OpenApiDocument(mapper).document(ops, version);
  }

  private Map<String, Object> document(List<Operation> ops, String version) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Operation op : ops) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(op.path(), p -> new LinkedHashMap<>());
      item.put(op.method().name().toLowerCase(Locale.ROOT), operation(op));
    }
    ref(ErrorBody.class);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put(
        "info",
        Map.of(
            "title",
            "Chorus API",
            "version",
            version,
            "description",
            "Everything the Chorus UI does. Authenticate with a personal access token:"
                + " 'Authorization: Bearer chorus_pat_...'. A token speaks for one user in one"
                + " workspace; read tokens may only GET. Lists are paged with an opaque cursor."
                + " Every error is {\"error\":{\"code\",\"message\",\"field\"}}."));
    doc.put("security", List.of(Map.of("bearer", List.of())));
    doc.put("paths", paths);
    doc.put(
        "components",
        Map.of(
            "securitySchemes",
            Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
            "schemas",
            schemas));
    return doc;
  }

  private Map<String, Object> operation(Operation op) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("operationId", op.id());
    o.put("summary", op.summary());
    o.put("tags", List.of(op.tag()));
    o.put(
        "description",
        "Needs the role "
            + op.access().name().toLowerCase(Locale.ROOT)
            + " or above"
            + (op.method().name().equals("GET") ? "." : " and a write token."));
    List<Object> params = new ArrayList<>();
    Matcher m = PATH_PARAM.matcher(op.path());
    while (m.find()) {
      params.add(
          Map.of(
              "name",
              m.group(1),
              "in",
              "path",
              "required",
              true,
              "schema",
              Map.of("type", "string")));
    }
    for (Operation.QueryParam q : op.query()) {
      params.add(
          Map.of(
              "name",
              q.name(),
              "in",
              "query",
              "required",
              false,
              "description",
              q.description(),
              "schema",
              Map.of("type", q.type())));
    }
    if (!params.isEmpty()) o.put("parameters", params);
    if (op.body() != null) {
      o.put(
          "requestBody",
          Map.of(
              "required",
              true,
              "content",
              Map.of("application/json", Map.of("schema", ref(op.body())))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    if (op.response() == null) {
      responses.put(String.valueOf(op.status()), Map.of("description", "Done; no body"));
    } else {
      Object schema = op.paged() ? page(op.response()) : ref(op.response());
      responses.put(
          String.valueOf(op.status()),
          Map.of(
              "description",
              "OK",
              "content",
              Map.of("application/json", Map.of("schema", schema))));
    }
    Map<String, Object> error =
        Map.of("content", Map.of("application/json", Map.of("schema", ref(ErrorBody.class))));
    responses.put("400", with(error, "The input is wrong; error.field names where"));
    responses.put("401", with(error, "No valid token"));
    responses.put("403", with(error, "The token's scope or the user's role does not allow this"));
    responses.put("404", with(error, "No such object in this workspace"));
    responses.put("503", with(error, "The database is unavailable; nothing was written"));
    o.put("responses", responses);
    return o;
  }

  private static Map<String, Object> with(Map<String, Object> base, String description) {
    Map<String, Object> r = new LinkedHashMap<>(base);
    r.put("description", description);
    return r;
  }

  private Map<String, Object> page(Class<?> item) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("items", Map.of("type", "array", "items", ref(item)));
    props.put("next_cursor", Map.of("type", List.of("string", "null")));
    return Map.of(
        "type", "object", "required", List.of("items", "next_cursor"), "properties", props);
  }

  /** A $ref to {@code type}'s schema, adding the schema (and those it uses) on first sight. */
  private Map<String, Object> ref(Class<?> type) {
    String name = type.getSimpleName();
    if (!schemas.containsKey(name)) {
      schemas.put(name, Map.of()); // reserve, for recursive types
      schemas.put(name, object(type));
    }
    return Map.of("$ref", "#/components/schemas/" + name);
  }

  private Map<String, Object> object(Class<?> type) {
    BeanDescription bean = mapper.getSerializationConfig().introspect(mapper.constructType(type));
    Map<String, Object> props = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      boolean nullable = nullable(type, p.getInternalName());
      props.put(p.getName(), schema(p.getPrimaryType(), nullable));
      required.add(p.getName());
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("properties", props);
    s.put("required", required);
    s.put("additionalProperties", false);
    return s;
  }

  private Object schema(JavaType t, boolean nullable) {
    Map<String, Object> s = new LinkedHashMap<>();
    Class<?> raw = t.getRawClass();
    String type;
    if (raw == String.class) {
      type = "string";
    } else if (raw == Instant.class) {
      type = "string";
      s.put("format", "date-time");
    } else if (raw == int.class || raw == Integer.class) {
      type = "integer";
      s.put("format", "int32");
    } else if (raw == long.class || raw == Long.class) {
      type = "integer";
      s.put("format", "int64");
    } else if (raw == double.class || raw == Double.class) {
      type = "number";
    } else if (raw == boolean.class || raw == Boolean.class) {
      type = "boolean";
    } else if (t.isCollectionLikeType()) {
      type = "array";
      s.put("items", schema(t.getContentType(), false));
    } else {
      Map<String, Object> r = ref(raw);
      return nullable ? Map.of("oneOf", List.of(r, Map.of("type", "null"))) : r;
    }
    s.put("type", nullable ? List.of(type, "null") : type);
    return s;
  }

  private static boolean nullable(Class<?> type, String component) {
    if (!type.isRecord()) return false;
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(component)) return c.isAnnotationPresent(Nullable.class);
    }
    return false;
  }
}
