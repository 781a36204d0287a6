package io.github.domainevents.wire;

/**
 * The kind of a JSON value, as a reader sees its first token. Used to check payload fields
 * strictly against the Java types they are read into.
 *
 * @since 0.1.0
 */
enum JsonKind {
  /** A JSON object. */
  OBJECT,
  /** A JSON array. */
  ARRAY,
  /** A JSON string. */
  STRING,
  /** A number without fraction or exponent. */
  INTEGER,
  /** A number with a fraction or an exponent. */
  DECIMAL,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** {@code null}. */
  NULL,
  /** Anything else a JSON library may hold (an embedded Java object): never valid JSON text. */
  OTHER;

  /**
   * Describes the kind for an error message, with an article: "a string", "an object".
   *
   * @return the description
   */
  String describe() {
    return switch (this) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case DECIMAL -> "a number with a fraction or exponent";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case OTHER -> "a non-JSON value";
    };
  }
}
