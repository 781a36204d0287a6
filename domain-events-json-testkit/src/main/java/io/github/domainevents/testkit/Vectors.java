package io.github.domainevents.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the interop vectors kept as files beside this class ({@code vectors/...}). */
public final class Vectors {
  private Vectors() {}

  /** Returns the vector's text, without a trailing newline. */
  public static String load(String name) {
    try (InputStream in = Vectors.class.getResourceAsStream("vectors/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector named " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
