package io.github.domainevents.springtest.kit;

import io.github.domainevents.test.DomainEventsExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One {@code @SpringBootTest} configuration for every test class of this package, so that they
 * share one cached application context, with the kit's extension: what an application would
 * compose for its own tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = KitApp.class,
    properties = {
      "spring.datasource.generate-unique-name=true",
      "spring.main.banner-mode=off",
      "logging.level.root=warn"
    })
@ExtendWith(DomainEventsExtension.class)
@Timeout(60)
@interface KitTest {}
