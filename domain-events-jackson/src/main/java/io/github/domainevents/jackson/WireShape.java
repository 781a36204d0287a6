package io.github.domainevents.jackson;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.domainevents.DomainEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;

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
  public @Nullable Object findNamingStrategy(MapperConfig<?> config, AnnotatedClass ac) {
    if (!DomainEvent.class.isAssignableFrom(ac.getRawType()) || ac.hasAnnotation(JsonNaming.class)) {
      return null;
    }
    return PropertyNamingStrategies.SNAKE_CASE;
  }

  @Override
  public @Nullable Boolean findSerializationSortAlphabetically(
      MapperConfig<?> config, Annotated ann) {
    return isEvent(ann) ? Boolean.FALSE : null;
  }

  @Override
  public JsonInclude.@Nullable Value findPropertyInclusion(MapperConfig<?> config, Annotated a) {
    return isEvent(a) ? JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, null) : null;
  }
}
