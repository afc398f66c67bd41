package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectionWriterTest {

  private static final Rejection QUOTED =
      new Rejection("t.csv", 7, "amount", "1,5 \"x\"", RejectionReason.UNPARSEABLE_NUMBER, "not a number", "write 1.5");

  @Test
  void csvHasAHeaderAndQuotesWhereNeeded() {
    StringWriter out = new StringWriter();
    try (RejectionWriter writer = RejectionWriter.of(out, FileFormat.CSV)) {
      writer.reject(QUOTED);
      assertThat(writer.written()).isEqualTo(1);
    }
    assertThat(out.toString()).isEqualTo(
        "file,line,column,value,reason,message,fix\n"
            + "t.csv,7,amount,\"1,5 \"\"x\"\"\",unparseable_number,\"not a number\",\"write 1.5\"\n");
  }

  @Test
  void jsonLinesWriteOneObjectPerLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rejections.jsonl");
    try (RejectionWriter writer = RejectionWriter.open(file)) {
      writer.reject(QUOTED);
      writer.reject(QUOTED);
    }
    assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(line -> assertThat(line).isEqualTo(
        "{\"file\":\"t.csv\",\"line\":7,\"column\":\"amount\",\"value\":\"1,5 \\\"x\\\"\","
            + "\"reason\":\"unparseable_number\",\"message\":\"not a number\",\"fix\":\"write 1.5\"}"));
  }

  @Test
  void aReaderWritesItsRejectionsToTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rejections.csv");
    long rejected;
    try (RejectionWriter writer = RejectionWriter.open(file);
        TransactionReader reader = TransactionReader.open(TestFiles.input("bad/wrong_column_count.csv"), TransactionFormat.defaults(), writer)) {
      reader.forEachRemaining(t -> {});
      rejected = reader.counts().rejected();
    }
    assertThat(Files.readAllLines(file)).hasSize(1 + (int) rejected).element(1).asString()
        .startsWith("wrong_column_count.csv,3,,\"C2,2024-01-06\",wrong_column_count,\"expected 3 values");
  }
}
