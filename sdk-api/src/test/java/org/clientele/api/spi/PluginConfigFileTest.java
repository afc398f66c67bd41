package org.clientele.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin's own JSON files are read by the reader its configuration carries, resolved beside the configuration. */
class PluginConfigFileTest {

  /** Records what it reads; answers {"seen": <the document's text>}. */
  private static final class RecordingReader implements ConfigReader {
    final List<String> sources = new ArrayList<>();

    @Override
    public Map<String, Object> readObject(InputStream in, String source) {
      sources.add(source);
      try {
        return Map.of("seen", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigurationException(source, e.getMessage(), e);
      }
    }
  }

  @Test
  void aRelativeFileIsResolvedBesideTheConfigurationFileAndRootedAtItself(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve("clientele.json"), "{}");
    Path table = Files.writeString(dir.resolve("table.json"), "{\"a\": 1}");
    RecordingReader reader = new RecordingReader();
    PluginConfig section =
        PluginConfig.of("geo", config.toString(), "$.dimensions.geo", Map.of("file", "table.json")).withReader(reader);

    PluginConfig file = section.file("file").orElseThrow();

    assertThat(reader.sources).containsExactly(table.toString());
    assertThat(file.source()).isEqualTo(table.toString());
    assertThat(file.path()).isEqualTo("$");
    assertThat(file.id()).isEqualTo("geo");
    assertThat(file.string("seen", "")).isEqualTo("{\"a\": 1}");
    assertThat(section.unreadKeys()).isEmpty();
  }

  @Test
  void aFileEmbeddedAsAnObjectReadsWithoutTheFileRootedAtTheKey() {
    RecordingReader reader = new RecordingReader();
    PluginConfig section = PluginConfig.of("strategy", "/elsewhere/model.json", "$.strategy",
        Map.of("file", Map.of("rules", List.of(Map.of("id", "r1"))))).withReader(reader);

    PluginConfig file = section.file("file").orElseThrow();

    assertThat(reader.sources).as("nothing read from disk").isEmpty();
    assertThat(file.source()).isEqualTo("/elsewhere/model.json");
    assertThat(file.path()).isEqualTo("$.strategy.file");
    assertThat(file.sections("rules")).singleElement().satisfies(r -> assertThat(r.string("id", "")).isEqualTo("r1"));
    assertThat(section.unreadKeys()).as("the embedded keys are the plugin's to check, as a file's").isEmpty();
    assertThatThrownBy(() -> PluginConfig.of("s", Map.of("file", 3)).file("file"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("$.file");
  }

  @Test
  void nestedSectionsAndCopiesKeepTheReader(@TempDir Path dir) throws IOException {
    Path table = Files.writeString(dir.resolve("t.json"), "x");
    RecordingReader reader = new RecordingReader();
    PluginConfig section = PluginConfig.of("geo", Map.of("inner", Map.of("file", table.toString()))).withReader(reader);

    assertThat(section.with("k", "v").section("inner").file("file")).isPresent();
    assertThat(reader.sources).containsExactly(table.toString());
  }

  @Test
  void anAbsentKeyReadsNothing() {
    assertThat(PluginConfig.empty("geo").withReader(new RecordingReader()).file("file")).isEmpty();
  }

  @Test
  void aMissingFileNamesTheFileAndTheKey(@TempDir Path dir) {
    PluginConfig section = PluginConfig.of("geo", "clientele.json", "$.dimensions.geo",
        Map.of("file", dir.resolve("missing.json").toString())).withReader(new RecordingReader());

    assertThatThrownBy(() -> section.file("file"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("missing.json (clientele.json $.dimensions.geo.file): cannot read the file");
  }

  @Test
  void withoutAReaderOrSdkCoreTheErrorSaysWhatToAdd() {
    // sdk-api's own tests have no sdk-core on the class path, so ServiceLoader finds no reader.
    InputStream in = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> PluginConfig.empty("geo").json("table.json", in))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("table.json: no JSON reader")
        .hasMessageContaining("clientele-sdk-core");
  }

  /**
   * A reader that does not override readObjects reads one object, as readObject does: a merged
   * resource then fails in readObject, never reads part of itself. Each document keeps the
   * resource's name as its source when there is one.
   */
  @Test
  void jsonDocumentsWithAReaderOfOneObjectGiveOneViewNamedAfterTheResource() {
    ConfigReader one = (in, source) -> Map.of("dimension", "needs");
    InputStream in = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));

    List<PluginConfig> docs = PluginConfig.empty("playbook").withReader(one).jsonDocuments("rules.json", in);

    assertThat(docs).singleElement().satisfies(d -> {
      assertThat(d.source()).isEqualTo("rules.json");
      assertThat(d.path()).isEqualTo("$");
      assertThat(d.string("dimension", "")).isEqualTo("needs");
    });
  }

  /** Each document is copied as json(...) copies one: a reader's map changed later is not seen. */
  @Test
  void jsonDocumentsAreCopiedLikeOneDocument() {
    List<Object> labels = new java.util.ArrayList<>(List.of("A"));
    Map<String, Object> doc = new java.util.HashMap<>(Map.of("dimension", "needs", "labels", labels));
    ConfigReader reader = (in, source) -> doc;
    InputStream in = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));

    PluginConfig view = PluginConfig.empty("playbook").withReader(reader).jsonDocuments("rules.json", in).get(0);
    labels.add("B");
    doc.put("dimension", "churn");

    assertThat(view.string("dimension", "")).isEqualTo("needs");
    assertThat(view.strings("labels", List.of())).containsExactly("A");
  }

  @Test
  void jsonDocumentsNameEachOfSeveralObjects() {
    ConfigReader two = new ConfigReader() {
      @Override
      public Map<String, Object> readObject(InputStream in, String source) {
        throw new AssertionError("readObjects is overridden");
      }

      @Override
      public List<Map<String, Object>> readObjects(InputStream in, String source) {
        return List.of(Map.of("dimension", "needs"), Map.of("dimension", "churn"));
      }
    };
    InputStream in = new ByteArrayInputStream("{}{}".getBytes(StandardCharsets.UTF_8));

    List<PluginConfig> docs = PluginConfig.empty("playbook").withReader(two).jsonDocuments("rules.json", in);

    assertThat(docs).extracting(PluginConfig::source).containsExactly("rules.json (document 1 of 2)", "rules.json (document 2 of 2)");
  }
}
