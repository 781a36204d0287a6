package io.github.domainevents.spring.boot;

import org.springframework.boot.test.context.SpringBootTest;

/** The {@link TransactionContract} on H2 in memory. */
@SpringBootTest(
    classes = TransactionContract.App.class,
    properties = {
      "spring.datasource.generate-unique-name=true",
      "spring.main.web-application-type=none",
      "spring.main.banner-mode=off",
      "logging.level.root=warn"
    })
class TransactionsTest extends TransactionContract {}
