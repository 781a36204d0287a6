package io.github.domainevents.jackson2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.domainevents.DomainEvent;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * Fixes the wire shape of event classes whatever the mapper's settings: own fields in
 * snake_case (unless the class says otherwise with {@code @JsonNaming}), in declaration order,
 * and always written, null or not. Inserted first among the mapper's introspectors; for every
 * other class it says nothing.
 */
final class WireShape extends NopAnnotationIntrospector {
  private static final long serialVersionUID = 1L;

  private static boolean isEvent(Annotated annotated) {
    return annotated instanceof AnnotatedClass
        && DomainEvent.class.isAssignableFrom(annotated.getRawType());
  }

  @Override
  public @Nullable Object findNamingStrategy(AnnotatedClass ac) {
    if (!DomainEvent.class.isAssignableFrom(ac.getRawType()) || ac.hasAnnotation(JsonNaming.class)) {
      return null;
    }
    return PropertyNamingStrategies.SNAKE_CASE;
  }

  @Override
  public @Nullable Boolean findSerializationSortAlphabetically(
      Annotated ann) {
    return isEvent(ann) ? Boolean.FALSE : null;
  }

  @Override
  public JsonInclude.@Nullable Value findPropertyInclusion(Annotated a) {
    return isEvent(a) ? JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, null) : null;
  }
}
