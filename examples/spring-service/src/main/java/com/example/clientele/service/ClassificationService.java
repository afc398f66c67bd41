package com.example.clientele.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot service on the Clientele starter. {@code POST /customers/classify} with one customer
 * as a JSON object answers its labels, scores and plan. The engine, its hot reload, metrics
 * ({@code /actuator/metrics/clientele.classifications}) and health ({@code /actuator/health}) come
 * from the starter; this application only adds the endpoint.
 */
@SpringBootApplication
public class ClassificationService {

  /**
   * Starts the service.
   *
   * @param args Spring Boot arguments, for example {@code --clientele.model=/etc/clientele/model.json}
   */
  public static void main(String[] args) {
    SpringApplication.run(ClassificationService.class, args);
  }
}
