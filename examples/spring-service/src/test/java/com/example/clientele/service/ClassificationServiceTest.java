package com.example.clientele.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.core.Engine;
import org.clientele.core.Model;
import org.clientele.core.demo.FeaturePopulation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example service on a random loopback port, asked over real HTTP. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"management.endpoint.health.show-details=always", "service.max-body-bytes=2048"})
class ClassificationServiceTest {

  static final Path MODEL;
  static final List<Customer> POPULATION = FeaturePopulation.of(11, 300);

  static {
    try {
      MODEL = Files.createTempDirectory("clientele-service").resolve("model.json");
      Engine.builder().calibrate(POPULATION).write(MODEL);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @DynamicPropertySource
  static void model(DynamicPropertyRegistry registry) {
    registry.add("clientele.model", MODEL::toString);
  }

  @Autowired Environment environment;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
  }

  @Test
  void postedCustomerGetsTheLabelsOfTheModel() throws Exception {
    HttpResponse<String> response = post("/customers/classify",
        "{\"id\": \"ACME-001\", \"revenue_12m\": 182000, \"revenue_prev_12m\": 120000, \"visits_12m\": 7,"
            + " \"tenure_days\": 1400, \"overdue_days\": 0, \"industry_code\": \"C10\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    Customer acme = Customer.builder("ACME-001")
        .set(org.clientele.api.StandardFeatures.REVENUE_12M, 182_000.0)
        .set(org.clientele.api.StandardFeatures.REVENUE_PREV_12M, 120_000.0)
        .set(org.clientele.api.StandardFeatures.VISITS_12M, 7.0)
        .set(org.clientele.api.StandardFeatures.TENURE_DAYS, 1_400.0)
        .set(org.clientele.api.StandardFeatures.OVERDUE_DAYS, 0.0)
        .set(org.clientele.api.StandardFeatures.INDUSTRY_CODE, "C10")
        .build();
    String value = Engine.builder().model(Model.read(MODEL)).build().classify(acme).labels().get("value");
    assertThat(response.body()).startsWith("{\"id\":\"ACME-001\"").contains("\"value\":\"" + value + "\"");
  }

  @Test
  void invalidCustomerIsA400WithTheReaderRejection() throws Exception {
    HttpResponse<String> response = post("/customers/classify", "{\"id\": \"X\", \"revenue_12m\": \"lots\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("revenue_12m").contains("fix");
  }

  @Test
  void bodyOverTheLimitIsRefusedBeforeParsing() throws Exception {
    HttpResponse<String> response = post("/customers/classify", "{\"id\": \"" + "x".repeat(5000) + "\"}");
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void noEndpointAcceptsAModel() throws Exception {
    assertThat(post("/model", Files.readString(MODEL)).statusCode()).isIn(404, 405);
    assertThat(post("/actuator/clientele", "{}").statusCode()).isIn(404, 405);
  }

  @Test
  void actuatorShowsHealthAndMetricsWithoutCustomerData() throws Exception {
    post("/customers/classify", "{\"id\": \"SECRET-ID-42\", \"revenue_12m\": 99}");
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"clientele\"").contains("model.json").doesNotContain("SECRET-ID-42");
    HttpResponse<String> metric = get("/actuator/metrics/clientele.classifications");
    assertThat(metric.statusCode()).isEqualTo(200);
    assertThat(metric.body()).contains("dimension").doesNotContain("SECRET-ID-42");
  }
}
