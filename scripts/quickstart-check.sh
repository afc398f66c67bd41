#!/usr/bin/env bash
# Proves the README's quick start for Java developers works as written on this checkout:
#   1. installs every published artifact into a THROWAWAY local repository (never ~/.m2),
#   2. writes a fresh sample project whose <dependencyManagement>/<dependencies> are the README's
#      XML snippet verbatim, and whose Main runs the README's Java snippet,
#   3. builds it against the throwaway repository and runs it.
# Slow (a full install), so it is not part of ./mvnw verify. Run it before a release:
#   scripts/quickstart-check.sh            # OFFLINE=1 to add -o (dependencies already in ~/.m2)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/clientele-quickstart.XXXXXX")"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
offline=()
[[ "${OFFLINE:-0}" == 1 ]] && offline=(-o)
# Third-party artifacts are read from ~/.m2 (read-only tail, Maven 3.9+); ours land only in $repo.
mvn_args=(-B -q "${offline[@]}" "-Dmaven.repo.local=$repo" "-Dmaven.repo.local.tail=$HOME/.m2/repository")

echo "== install into $repo (skipping tests)"
(cd "$root" && ./mvnw "${mvn_args[@]}" install -DskipTests -Djacoco.skip=true -Dmaven.javadoc.skip=true)

echo "== sample project from the README's snippet"
sample="$work/sample"
mkdir -p "$sample/src/main/java/sample"
snippet="$(awk '/^### Java developers: add the dependency/{on=1} on&&/^```xml/{grab=1;next} grab&&/^```/{exit} grab{print}' "$root/README.md")"
[[ -n "$snippet" ]] || { echo "README has no \`\`\`xml block under 'Java developers: add the dependency'"; exit 1; }
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/bom/pom.xml" | head -1)"
cat > "$sample/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>sample</groupId>
  <artifactId>quickstart</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
$snippet
</project>
POM
grep -q "<version>$version</version>" "$sample/pom.xml" || { echo "README snippet is not at version $version"; exit 1; }
cat > "$sample/src/main/java/sample/Main.java" <<'JAVA'
package sample;

import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.clientele.core.demo.FeaturePopulation;

public class Main {
  public static void main(String[] args) {
    List<Customer> allCustomers = FeaturePopulation.of(1, 500);
    EngineBuilder builder = Engine.builder();
    Model model = builder.calibrate(allCustomers);
    Engine engine = builder.model(model).build();
    Customer acme = Customer.builder("ACME-001")
        .set(StandardFeatures.REVENUE_12M, 182_000.0)
        .set(StandardFeatures.REVENUE_PREV_12M, 120_000.0)
        .set(StandardFeatures.VISITS_12M, 7.0)
        .set(StandardFeatures.TENURE_DAYS, 1_400.0)
        .set(StandardFeatures.OVERDUE_DAYS, 0.0)
        .set(StandardFeatures.INDUSTRY_CODE, "C10")
        .build();
    Classification result = engine.classify(acme);
    System.out.println("value=" + result.label("value") + " actions=" + result.plan().actions().size());
    engine.explain(acme);
  }
}
JAVA
(cd "$root" && ./mvnw "${mvn_args[@]}" -f "$sample/pom.xml" package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$sample/cp.txt")
out="$(java -cp "$sample/target/classes:$(cat "$sample/cp.txt")" sample.Main)"
echo "$out"
[[ "$out" == value=* ]] || { echo "FAILED: the sample did not classify"; exit 1; }
echo "== quickstart OK: the README's dependency snippet builds and runs against locally installed artifacts"
