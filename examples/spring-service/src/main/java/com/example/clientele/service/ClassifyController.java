package com.example.clientele.service;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.core.Classification;
import org.clientele.core.io.CustomerFormat;
import org.clientele.core.io.CustomerReader;
import org.clientele.core.io.FileFormat;
import org.clientele.core.io.InputException;
import org.clientele.core.io.Rejection;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultWriter;
import org.clientele.spring.ClienteleService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Classifies one posted customer. The body is read by the SDK's own JSON Lines reader, so it is
 * validated exactly like a line of an input file: an id, known feature names, typed values, the same
 * rejections (answered as 400 with the reason and the fix). Bodies over {@code
 * service.max-body-bytes} (16 KiB by default) are refused with 413 before they are parsed. There is
 * deliberately no endpoint that accepts a model or a configuration: the model comes from {@code
 * clientele.model} only.
 */
@RestController
public class ClassifyController {

  private final ClienteleService clientele;
  private final int maxBodyBytes;

  /**
   * Creates the controller.
   *
   * @param clientele the starter's service
   * @param maxBodyBytes the largest body accepted
   */
  public ClassifyController(ClienteleService clientele, @Value("${service.max-body-bytes:16384}") int maxBodyBytes) {
    this.clientele = clientele;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Classifies the customer in the body.
   *
   * @param request the request, read with a size limit
   * @return 200 with a result line as written by {@code clientele classify}, 400 with the
   *     rejections, or 413
   * @throws IOException if the body cannot be read
   */
  @PostMapping(path = "/customers/classify", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> classify(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      return error(HttpStatus.CONTENT_TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes");
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxBodyBytes + 1);
    }
    if (body.length > maxBodyBytes) {
      return error(HttpStatus.CONTENT_TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes");
    }
    String text = new String(body, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' ');
    List<Rejection> rejections = new ArrayList<>();
    Customer customer = null;
    CustomerFormat format = CustomerFormat.builder().format(FileFormat.JSONL).build();
    try (CustomerReader reader = CustomerReader.open(new StringReader(text), "request", format, rejections::add)) {
      if (reader.hasNext()) {
        customer = reader.next();
      }
    } catch (InputException e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    if (customer == null) {
      List<String> reasons = rejections.stream().map(Rejection::describe).toList();
      return error(HttpStatus.BAD_REQUEST, reasons.isEmpty() ? "the body holds no customer" : String.join("; ", reasons));
    }
    Classification result = clientele.classify(customer);
    StringWriter out = new StringWriter();
    try (ResultWriter writer = new ResultWriter(out, ResultFormat.JSONL)) {
      writer.begin(result.dimensions().stream().map(Dimension::id).toList());
      writer.write(result);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toString().strip());
  }

  private static ResponseEntity<String> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body("{\"error\":" + quote(message) + "}");
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
