package org.clientele.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clientele.core.Model;
import org.junit.jupiter.api.Test;

/**
 * Clientele inside Spark's class path: the module's tests run on Spark 4.2.0's own Jackson and
 * Guava (the pom pins them to spark-parent's versions), and both sides use Jackson in one JVM.
 */
class SparkClasspathTest {

  @Test
  void clienteleAndSparkShareOneJacksonWhoseModulesAgree() throws Exception {
    SparkSession spark = SharedSpark.get();
    // Spark's own JSON: its Scala module refuses a jackson-databind of another minor version.
    Dataset<String> json = spark.createDataset(List.of("{\"id\":\"a\",\"revenue_12m\":12.5}"), Encoders.STRING());
    Dataset<Row> read = spark.read().json(json);
    assertThat(read.toJSON().collectAsList()).containsExactly("{\"id\":\"a\",\"revenue_12m\":12.5}");
    assertThat(new com.fasterxml.jackson.module.scala.DefaultScalaModule().version().getMinorVersion())
        .isEqualTo(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion());
    // Clientele's model JSON on the same Jackson, and on the executors (a broadcast round trip).
    Model model = Model.builder().dimension("value", Map.of("method", "threshold")).noStrategy().build();
    assertThat(Model.fromJson(model.toJson(), "test")).isEqualTo(model);
    SparkSegmentation job = SparkSegmentation.builder().model(model).build();
    assertThat(job.classify(read, model).results().first().getString(1)).isEqualTo("LOW");
    assertThat(new ObjectMapper().readTree(model.toJson()).get("dimensions").has("value")).isTrue();
  }

  @Test
  void theTestClassPathIsSparks() {
    // spark-parent 4.2.0 pins these; a parent-pom version creeping in would make this test meaningless.
    assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).isEqualTo("2.21.2");
    assertThat(com.google.common.collect.ImmutableList.class.getProtectionDomain().getCodeSource().getLocation().toString())
        .contains("33.6.0-jre");
  }
}
