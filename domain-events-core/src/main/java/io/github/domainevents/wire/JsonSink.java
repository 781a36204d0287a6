package io.github.domainevents.wire;

/**
 * Receives one JSON value as a stream of events: the neutral representation through which the
 * wire protocol and a JSON library's parser or generator meet. A reader pushes what it parses
 * into a sink of this package (which checks and builds plain values); a writer passes its
 * generator, wrapped as a sink, to the operations of {@link WireFormat} and {@link
 * CloudEventsFormat} that write.
 *
 * <p>Numbers are pushed as {@link Integer}, {@link Long} or {@link java.math.BigInteger} for
 * integers and as {@link java.math.BigDecimal} (exactly as written, scale included) for numbers
 * with a fraction or exponent; {@link Double} and {@link Float} are accepted from values held
 * in memory. Implementations are not safe for concurrent use unless they say so.
 *
 * @since 0.1.0
 */
public interface JsonSink {
  /** Starts an object; members follow as {@link #name(String)} then a value. */
  void startObject();

  /** Ends the current object. */
  void endObject();

  /**
   * Names the next member of the current object.
   *
   * @param name the member name
   */
  void name(String name);

  /** Starts an array. */
  void startArray();

  /** Ends the current array. */
  void endArray();

  /**
   * A string value.
   *
   * @param value the text
   */
  void string(String value);

  /**
   * A number value.
   *
   * @param value the number, exactly as read or held
   */
  void number(Number value);

  /**
   * A boolean value.
   *
   * @param value the value
   */
  void bool(boolean value);

  /** A {@code null} value. */
  void nullValue();
}
