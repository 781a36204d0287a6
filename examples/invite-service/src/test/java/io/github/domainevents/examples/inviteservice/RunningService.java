package io.github.domainevents.examples.inviteservice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service as it runs, on a random port, for every end-to-end test class: the same properties
 * everywhere, so all of them share one Spring context. Quiet: no banner, warnings and errors only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.banner-mode=off",
      "logging.level.root=warn",
      // Selenium reports missing DevTools bindings for new Chromium releases as warnings; the
      // browser test does not use DevTools.
      "logging.level.org.openqa.selenium=error"
    })
@Timeout(60)
@interface RunningService {}
