package io.github.domainevents.springtest.endpoint;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** {@link EndpointApp} as a whole Boot application, for the test over HTTP. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EndpointApp.class)
public class EndpointWebApp {}
