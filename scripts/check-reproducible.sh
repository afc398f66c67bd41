#!/usr/bin/env bash
# Builds every published jar (and the CLI's .tar.gz/.zip) twice (package, tests skipped) and compares them byte for byte.
# project.build.outputTimestamp in the parent pom.xml fixes every entry's time; anything else that
# differs (an unordered resource, a generated timestamp) makes this fail and names the jar.
#   scripts/check-reproducible.sh          # OFFLINE=1 to add -o
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
offline=()
[[ "${OFFLINE:-0}" == 1 ]] && offline=(-o)
modules=sdk-api,sdk-core,sdk-testkit,classifiers-builtin,playbook,predict,cli,spring-boot-starter,xlsx,spark
snap="$(mktemp -d "${TMPDIR:-/tmp}/clientele-repro.XXXXXX")"
trap 'rm -rf "$snap"' EXIT
build() {
  for m in ${modules//,/ }; do rm -rf "$m/target"; done
  ./mvnw -B -q "${offline[@]}" -pl "$modules" package -DskipTests -Djacoco.skip=true
}
build
shopt -s nullglob
for m in ${modules//,/ }; do mkdir -p "$snap/$m" && cp "$m"/target/*.jar "$m"/target/*.tar.gz "$m"/target/*.zip "$snap/$m/"; done
sleep 2   # a different wall-clock second for the second build
build
status=0
for m in ${modules//,/ }; do
  for jar in "$snap/$m"/*; do
    if cmp -s "$jar" "$m/target/$(basename "$jar")"; then
      echo "identical  $m/$(basename "$jar")"
    else
      echo "DIFFERENT  $m/$(basename "$jar")"; status=1
    fi
  done
done
exit $status
