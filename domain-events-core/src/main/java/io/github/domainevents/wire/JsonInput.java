package io.github.domainevents.wire;

import org.jspecify.annotations.Nullable;

/**
 * SPI for JSON codec implementers: a pull parser over one JSON document, as the protocol's
 * readers walk it. A codec (the Jackson modules) implements it over its library's token stream,
 * and the protocol's operations ({@link EventObject#read}, {@link CloudEventObject#read}, {@link
 * CloudEventsFormat#writeEvent}) walk it, so that every loop over tokens (strict fields,
 * duplicate keys, exact numbers, limits, error wording) is written once, here. Applications do
 * not use this interface.
 *
 * <p>The input is positioned on one token at a time. {@link #next()} advances; the accessors
 * read the current token and must not be called on a token of another kind. No method returns
 * a value that allocates per call unless the token's value itself must be built ({@link
 * #text()}, {@link #number()}).
 *
 * <p>Failure behaviour: a malformed document or a broken parser limit is reported by the
 * codec's own unchecked exception, thrown from {@link #next()} or an accessor; the protocol's
 * operations let it through unchanged, and the codec translates it at its boundary. A codec
 * whose library throws checked exceptions wraps them (for example in {@link
 * java.io.UncheckedIOException}). An input is not safe for concurrent use: one thread walks one
 * document.
 *
 * @since 0.1.0
 */
public interface JsonInput {
  /**
   * The tokens of a JSON document, as the protocol tells them apart.
   *
   * @since 0.1.0
   */
  enum Token {
    /** The start of an object. */
    START_OBJECT,
    /** The end of an object. */
    END_OBJECT,
    /** The start of an array. */
    START_ARRAY,
    /** The end of an array. */
    END_ARRAY,
    /** A member name inside an object; {@link #name()} returns it. */
    NAME,
    /** A string value; {@link #text()} returns it. */
    STRING,
    /** A number without fraction or exponent; {@link #number()} returns it. */
    INTEGER,
    /** A number with a fraction or an exponent; {@link #number()} and {@link #text()}. */
    DECIMAL,
    /** {@code true}. */
    TRUE,
    /** {@code false}. */
    FALSE,
    /** {@code null}. */
    NULL,
    /**
     * A value no JSON text can produce (a Java object a codec embedded in its own token
     * buffer); {@link #embedded()} returns it.
     */
    OTHER;

    /** Returns the kind of the value this token starts. */
    JsonKind kind() {
      return switch (this) {
        case START_OBJECT -> JsonKind.OBJECT;
        case START_ARRAY -> JsonKind.ARRAY;
        case STRING -> JsonKind.STRING;
        case INTEGER -> JsonKind.INTEGER;
        case DECIMAL -> JsonKind.DECIMAL;
        case TRUE, FALSE -> JsonKind.BOOLEAN;
        case NULL -> JsonKind.NULL;
        default -> JsonKind.OTHER;
      };
    }
  }

  /**
   * Advances to the next token.
   *
   * @return the new current token, or null at the end of the input
   */
  @Nullable Token next();

  /**
   * Returns the current token.
   *
   * @return the token the input is on, or null before the first {@link #next()} and at the end
   */
  @Nullable Token current();

  /**
   * Returns the member name of the current {@link Token#NAME} token.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the text of the current {@link Token#STRING} (the decoded string, to which the
   * codec applies its string length limit) or {@link Token#DECIMAL} (the number as written).
   *
   * @return the text
   */
  String text();

  /**
   * Returns the value of the current number token, exactly: an {@link Integer}, {@link Long} or
   * {@link java.math.BigInteger} for {@link Token#INTEGER}, a {@link java.math.BigDecimal} (scale
   * as written) for {@link Token#DECIMAL}.
   *
   * @return the number
   */
  Number number();

  /**
   * Returns the Java object of the current {@link Token#OTHER} token.
   *
   * @return the object, or null if the codec holds none
   */
  @Nullable Object embedded();
}
