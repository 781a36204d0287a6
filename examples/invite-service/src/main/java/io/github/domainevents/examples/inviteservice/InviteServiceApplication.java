package io.github.domainevents.examples.inviteservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the invite service on port 8080 (or {@code --server.port=N}), with an H2 database in
 * memory.
 */
@SpringBootApplication
public class InviteServiceApplication {

  /**
   * Runs the service until the process is stopped.
   *
   * @param args Spring Boot's command-line arguments, such as {@code --server.port=9090}
   */
  public static void main(String[] args) {
    SpringApplication.run(InviteServiceApplication.class, args);
  }

  /** Not for use: Spring creates the configuration instance. */
  InviteServiceApplication() {}
}
