package org.clientele.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol (a WebSocket from the JDK's
 * HTTP client; no driver library). Records console errors, uncaught exceptions, browser log errors
 * (a blocked fetch, a content-security-policy violation) and every network request of the page.
 *
 * <p>Chromium must be installed ({@code apt-get install -y chromium chromium-driver}; {@code .ci/run}
 * does it). Without it the test fails and says so; {@code -Dclientele.browser=skip} skips it
 * deliberately, {@code -Dclientele.browser=/path/to/chrome} names another binary.
 */
final class HeadlessChromium implements AutoCloseable {

  static final String PROPERTY = "clientele.browser";
  private static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** The browser binary, or a failed test saying how to install it (or a skip when asked for). */
  static Path binary() {
    String setting = System.getProperty(PROPERTY, "");
    if (setting.equals("skip")) {
      Assumptions.abort("Browser tests skipped with -D" + PROPERTY + "=skip");
    }
    Path binary = setting.isEmpty() ? DEFAULT_BINARY : Path.of(setting);
    if (!Files.isExecutable(binary)) {
      throw new AssertionError("The HTML report's browser test needs Chromium at " + binary
          + ": install it with 'apt-get update && apt-get install -y chromium chromium-driver' (.ci/run does),"
          + " name another binary with -D" + PROPERTY + "=PATH, or skip deliberately with -D" + PROPERTY + "=skip");
    }
    return binary;
  }

  static HeadlessChromium start(int width, int height) throws Exception {
    Path binary = binary();
    Path profile = Files.createTempDirectory("clientele-chromium-");
    Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
        }
        Thread.sleep(50);
      }
      int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
      HttpClient http = HttpClient.newHttpClient();
      String pageSocket = null;
      while (pageSocket == null) {
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode target : JSON.readTree(list)) {
          if (target.path("type").asText().equals("page")) {
            pageSocket = target.path("webSocketDebuggerUrl").asText();
          }
        }
        if (pageSocket == null) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Chromium has no page target: " + list);
          }
          Thread.sleep(50);
        }
      }
      HeadlessChromium[] self = new HeadlessChromium[1];
      WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
          .buildAsync(URI.create(pageSocket), new Listener(m -> self[0].receive(m))).get(30, TimeUnit.SECONDS);
      self[0] = new HeadlessChromium(process, profile, socket);
      for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
        self[0].send(domain + ".enable", Map.of());
      }
      return self[0];
    } catch (Exception | Error e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Opens a file and waits for its load event. */
  void open(Path file) throws Exception {
    loaded = new CompletableFuture<>();
    send("Page.navigate", Map.of("url", file.toUri().toString()));
    loaded.get(60, TimeUnit.SECONDS);
  }

  /** Evaluates an expression that returns a string (for example {@code JSON.stringify(...)}). */
  String evaluate(String expression) throws Exception {
    JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError("The check script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value").asText();
  }

  /** Saves a PNG of the page: the whole page when height is 0, else its top. */
  void screenshot(Path png, int width, int height) throws Exception {
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("format", "png");
    params.put("captureBeyondViewport", true);
    if (height > 0) {
      params.put("clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1));
    } else {
      JsonNode metrics = send("Page.getLayoutMetrics", Map.of());
      JsonNode size = metrics.path("cssContentSize");
      params.put("clip", Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(), "height",
          size.path("height").asDouble(), "scale", 1));
    }
    JsonNode shot = send("Page.captureScreenshot", params);
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  /** Console errors and warnings, uncaught exceptions and browser log errors, in order. */
  List<String> errors() {
    return List.copyOf(errors);
  }

  /** Every URL the page requested, the page itself included. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private JsonNode send(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode answer = reply.get(60, TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer.path("result");
  }

  private void receive(String text) {
    JsonNode m;
    try {
      m = JSON.readTree(text);
    } catch (IOException e) {
      errors.add("unreadable DevTools message: " + text);
      return;
    }
    if (m.has("id")) {
      CompletableFuture<JsonNode> reply = pending.remove(m.get("id").asInt());
      if (reply != null) {
        reply.complete(m);
      }
      return;
    }
    JsonNode p = m.path("params");
    switch (m.path("method").asText()) {
      case "Page.loadEventFired" -> loaded.complete(null);
      case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
      case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails").path("exception")
          .path("description").asText(p.path("exceptionDetails").path("text").asText()));
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
          StringBuilder b = new StringBuilder("console." + type + ":");
          p.path("args").forEach(a -> b.append(' ').append(a.path("value").asText(a.path("description").asText())));
          errors.add(b.toString());
        }
      }
      case "Log.entryAdded" -> {
        JsonNode entry = p.path("entry");
        if (entry.path("level").asText().equals("error") || entry.path("level").asText().equals("warning")) {
          errors.add("log." + entry.path("level").asText() + ": " + entry.path("text").asText() + " " + entry.path("url").asText());
        }
      }
      default -> { }
    }
  }

  @Override
  public void close() {
    try {
      socket.abort();
    } finally {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      try (Stream<Path> paths = Files.walk(profile)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a profile left in the temp directory is harmless
      }
    }
  }

  /** Reassembles fragmented text frames and hands each whole message on. */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Consumer<String> onMessage;
    private final StringBuilder partial = new StringBuilder();

    Listener(java.util.function.Consumer<String> onMessage) {
      this.onMessage = onMessage;
    }

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String whole = partial.toString();
        partial.setLength(0);
        onMessage.accept(whole);
      }
      webSocket.request(1);
      return null;
    }
  }
}
