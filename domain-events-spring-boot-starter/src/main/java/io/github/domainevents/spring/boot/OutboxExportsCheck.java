package io.github.domainevents.spring.boot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Fails startup when the application has {@link OutboxExports} beans but the starter created no
 * outbox for them, naming why: a declared export must never be ignored silently.
 */
final class OutboxExportsCheck implements SmartInitializingSingleton {
  private final ConfigurableListableBeanFactory beanFactory;

  OutboxExportsCheck(ConfigurableListableBeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (beanFactory.containsBean(DomainEventsOutboxAutoConfiguration.OUTBOX_BEAN)) {
      return;
    }
    List<String> reasons = new ArrayList<>();
    missing("io.github.domainevents.outbox.Outbox", "domain-events-outbox-jdbc", reasons);
    missing("org.springframework.jdbc.datasource.DataSourceUtils", "spring-jdbc", reasons);
    missing("org.springframework.boot.jdbc.EmbeddedDatabaseConnection", "spring-boot-jdbc",
        reasons);
    missing("io.github.domainevents.jackson.EventJson",
        "domain-events-jackson (the outbox stores events as its JSON)", reasons);
    String[] dataSources = beanFactory.getBeanNamesForType(DataSource.class);
    if (dataSources.length != 1) {
      reasons.add("the outbox needs one DataSource bean, found " + dataSources.length
          + (dataSources.length == 0 ? "" : " " + Arrays.toString(dataSources)
              + " (mark one @Primary)"));
    }
    if (ClassUtils.isPresent("io.github.domainevents.outbox.Outbox", beanFactory.getBeanClassLoader())) {
      String[] own = beanFactory.getBeanNamesForType(io.github.domainevents.outbox.Outbox.class);
      if (own.length > 0) {
        reasons.add("the application defines its own Outbox bean " + Arrays.toString(own)
            + ", and OutboxExports beans only configure the starter's outbox");
      }
    }
    if (reasons.isEmpty()) {
      reasons.add("no EventJson bean (domain-events-jackson's JSON of the events)");
    }
    throw new IllegalStateException(
        "OutboxExports beans " + Arrays.toString(beanFactory.getBeanNamesForType(
            OutboxExports.class)) + " declare exported events, but no outbox was created: "
            + String.join("; ", reasons));
  }

  private void missing(String className, String artifact, List<String> reasons) {
    ClassLoader classLoader = beanFactory.getBeanClassLoader();
    if (!ClassUtils.isPresent(className, classLoader)) {
      reasons.add(artifact + " is not on the class path");
    }
  }
}
