package org.clientele.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parent pom's Error Prone flags (passed in by surefire as {@code clientele.errorprone.main})
 * make NullAway fail the compilation of a {@code @NullMarked} package that dereferences a
 * {@code @Nullable} value, and accept the same code once it checks for null: the NullAway guard can
 * fail, and fails for the right reason.
 */
class NullAwayCatchesNullDereferencesTest {

  @TempDir Path dir;

  @Test
  void aNullableDereferenceInANullMarkedPackageFailsTheCompilation() throws IOException {
    List<Diagnostic<? extends JavaFileObject>> errors = compile("return s.length();");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getMessage(null)).contains("[NullAway]").contains("dereferenced expression 's' is @Nullable");
  }

  @Test
  void theSameCodeWithANullCheckCompiles() throws IOException {
    assertThat(compile("return s == null ? 0 : s.length();")).isEmpty();
  }

  private List<Diagnostic<? extends JavaFileObject>> compile(String body) throws IOException {
    String flags = System.getProperty("clientele.errorprone.main");
    assertThat(flags).as("surefire passes the parent pom's Error Prone flags").startsWith("-Xplugin:ErrorProne");
    Path pkg = Files.createDirectories(dir.resolve("src/org/clientele/nullawayfixture"));
    Files.writeString(pkg.resolve("package-info.java"),
        "@org.jspecify.annotations.NullMarked\npackage org.clientele.nullawayfixture;\n");
    Path source = Files.writeString(pkg.resolve("Length.java"), "package org.clientele.nullawayfixture;\n"
        + "final class Length {\n"
        + "  static int of(@org.jspecify.annotations.Nullable String s) {\n"
        + "    " + body + "\n"
        + "  }\n"
        + "}\n");
    Path out = Files.createDirectories(dir.resolve("out"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath = System.getProperty("java.class.path");
    List<String> options = new ArrayList<>(List.of(
        "--release", "17", "-d", out.toString(),
        "-classpath", classPath, "-processorpath", classPath,
        "-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", flags));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      javac.getTask(new StringWriter(), files, diagnostics, options, null,
          files.getJavaFileObjects(pkg.resolve("package-info.java"), source)).call();
    }
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
  }
}
