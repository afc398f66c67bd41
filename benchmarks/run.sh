#!/usr/bin/env bash
# Runs the Clientele benchmark suite with fixed settings and writes, into the output directory
# (default benchmarks/results):
#   hot.json, hot.log      every benchmark but the cold build: 2 forks, 5 x 1 s warm-up, 5 x 2 s measurement, -prof gc;
#                          the end-to-end ones (endtoend.*: DuckDB, read + derive, the classify job) on one 20,000-account log
#   build.json, build.log  the cold engine build (from the model as text, and from the model file): single-shot
#                          time, 10 forks, one shot each, -prof gc
#   app.jsa, build-cds.json, build-cds.log
#                          the same cold build with an application class-data-sharing archive, written by
#                          one training fork first (docs/engine.md, "Start-up")
#   pair-N-*.json, pairs.log
#                          five rounds of single forks: the baseline and classify(customer), then the batch loops
#                          (classifyAll and the hand-written loop, 1 and 2 threads)
#   scaling.json           classifyAll on 2 threads against 1, the hand-written loop split over 2 threads, and
#                          classifyAll on requests of 1,024 customers on 2 threads against 1, in one JVM by
#                          interleaved 100 ms slices, with the cores each 2-thread configuration kept busy
#                          (scaling.ScalingCheck, about 40 s)
#   table.md               the Markdown table (ns/customer, ratio to the hand-written baseline, B/op), machine and load
# About 22 minutes on 2 cores. Builds benchmarks/target/benchmarks.jar first if it is missing.
#
# Usage: benchmarks/run.sh [output-directory]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
out=${1:-benchmarks/results}
if [[ ! -f "$jar" ]]; then
  ./mvnw -B -q -pl benchmarks -am -DskipTests package
fi
mkdir -p "$out"

# The model fits (predict.FitBenchmark, seconds per operation on a million customers) have their
# own command in docs/predictions.md; they are not part of this table.
hot=(-e 'core.EngineBuildBenchmark' -e 'predict\.' -f 2 -wi 5 -w 1s -i 5 -r 2s -prof gc -rf json -rff "$out/hot.json")
build=('core.EngineBuildBenchmark' -bm ss -f 10 -wi 0 -i 1 -prof gc -rf json -rff "$out/build.json")
# The archive is trained by one fork of build (a second method's fork would overwrite it).
train=('core.EngineBuildBenchmark.build$' -bm ss -f 1 -wi 0 -i 1 -jvmArgsAppend "-XX:ArchiveClassesAtExit=$out/app.jsa")
pair=(-f 1 -wi 5 -w 1s -i 5 -r 1s -rf json)
cds=('core.EngineBuildBenchmark' -bm ss -f 10 -wi 0 -i 1 -prof gc -jvmArgsAppend "-XX:SharedArchiveFile=$out/app.jsa -Xshare:on"
  -rf json -rff "$out/build-cds.json")

# A JMH lock of our own, so that another checkout's build (its benchmark smoke test) on the same
# machine neither blocks nor is blocked by this run.
lockdir=$(mktemp -d)
load_before=$(uptime)
java -Djava.io.tmpdir="$lockdir" -jar "$jar" "${hot[@]}" | tee "$out/hot.log"
java -Djava.io.tmpdir="$lockdir" -jar "$jar" "${build[@]}" | tee "$out/build.log"
rm -f "$out/app.jsa"
java -Djava.io.tmpdir="$lockdir" -jar "$jar" "${train[@]}" > "$out/train.log"
java -Djava.io.tmpdir="$lockdir" -jar "$jar" "${cds[@]}" | tee "$out/build-cds.log"
# Ratios between benchmarks that ran minutes apart move with the machine (a shared host's caches:
# the engine's path, with more memory per customer, moves more than the baseline's) and with one
# fork's JIT decisions. Five rounds of single forks, one right after the other (the hand-written
# baseline and classify(customer); then classifyAll, the hand-written batch loop and its 2-thread
# split, each on 1 and 2 threads), compare each round under one machine state; table.py reports
# every round and takes the median.
: > "$out/pairs.log"
batches='core.BatchBenchmark.classifyAll|compare.HandWrittenBenchmark.baselineBatch|compare.HandWrittenParallelBenchmark'
pair_files=()
for i in 1 2 3 4 5; do
  java -Djava.io.tmpdir="$lockdir" -jar "$jar" 'core.ClassifyBenchmark.classify$|compare.HandWrittenBenchmark.baseline$' "${pair[@]}" -rff "$out/pair-$i-single.json" >> "$out/pairs.log"
  java -Djava.io.tmpdir="$lockdir" -jar "$jar" "$batches" "${pair[@]}" -rff "$out/pair-$i-batch.json" >> "$out/pairs.log"
  pair_files+=("$out/pair-$i-single.json" "$out/pair-$i-batch.json")
done
java -cp "$jar" org.clientele.benchmarks.scaling.ScalingCheck > "$out/scaling.json"
load_after=$(uptime)

python3 benchmarks/table.py "$out/hot.json" "$out/build.json" --build-cds "$out/build-cds.json" \
  --load-before "$load_before" --load-after "$load_after" --pairs "${pair_files[@]}" --scaling "$out/scaling.json" \
  --command "java -jar $jar ${hot[*]}; java -jar $jar ${build[*]}; java -jar $jar ${train[*]}; java -jar $jar ${cds[*]}; five times: java -jar $jar 'core.ClassifyBenchmark.classify\$|compare.HandWrittenBenchmark.baseline\$' ${pair[*]}, then java -jar $jar '$batches' ${pair[*]}; java -cp $jar org.clientele.benchmarks.scaling.ScalingCheck" > "$out/table.md"
echo "wrote $out/table.md"
