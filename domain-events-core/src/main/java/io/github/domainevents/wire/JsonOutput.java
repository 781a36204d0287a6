package io.github.domainevents.wire;

/**
 * SPI for JSON codec implementers: a {@link JsonSink} over the codec's generator or token buffer
 * that can also copy tokens from a {@link JsonInput} of the same codec unconverted, and hold an
 * already built Java value. The protocol's readers copy an event's own fields through it into
 * the codec's buffer (which the codec's data binding then reads), and its writers copy fields
 * into the output document. Applications do not use this interface.
 *
 * <p>Failure behaviour: as for {@link JsonInput}, the codec's unchecked exceptions (or checked
 * ones wrapped, such as {@link java.io.UncheckedIOException}) pass through the protocol
 * unchanged. Not safe for concurrent use.
 *
 * @since 0.1.0
 */
public interface JsonOutput extends JsonSink {
  /**
   * Writes the current token of {@code input} as the codec holds it (numbers keep the codec's
   * own representation). A start token opens a container and an end token closes it; a
   * {@link JsonInput.Token#NAME} writes the member name.
   *
   * @param input an input of the same codec, positioned on a token
   * @throws IllegalArgumentException if {@code input} is not an input of this codec
   */
  void copy(JsonInput input);

  /**
   * Writes a Java value that no JSON text can produce (read back as {@link
   * JsonInput.Token#OTHER}): how a reader hands an already built {@link
   * io.github.domainevents.EventHeader} to the codec's data binding.
   *
   * @param value the value
   */
  void embedded(Object value);
}
