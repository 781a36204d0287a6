#!/usr/bin/env bash
# The measurements behind BENCHMARKS.md, for a quiet machine (nothing else running; check with
# `uptime`). Run from the repository root, one part at a time:
#
#   domain-events-benchmarks/tools/quiet-run.sh build       # the jar, on JDK 17 (~2 min)
#   domain-events-benchmarks/tools/quiet-run.sh scenario6   # scenario 6 under G1, Serial, Parallel (~16 min)
#   domain-events-benchmarks/tools/quiet-run.sh full17      # scenarios 1-8, every contender, JDK 17 (~33 min)
#   domain-events-benchmarks/tools/quiet-run.sh full25      # the same on JDK 25 (~32 min)
#   domain-events-benchmarks/tools/quiet-run.sh goals       # the goals' scenarios, JDK 17 then 25 (~25 min)
#   domain-events-benchmarks/tools/quiet-run.sh growth      # registration, closing, many handlers/types (~20 min)
#   domain-events-benchmarks/tools/quiet-run.sh scaling     # 1, 2, 4, 8, 16 threads: JSON + SVG (~8 min)
#   domain-events-benchmarks/tools/quiet-run.sh pathcost    # the JDK operations the hot paths are made of, 1 and 2 threads (~3 min)
#   domain-events-benchmarks/tools/quiet-run.sh charts      # SVG of scenarios 1 and 6 from full17/full25 (seconds)
#   domain-events-benchmarks/tools/quiet-run.sh scoped25    # JDK 25 scoped values vs thread-local context (~17 min; SCOPED-VALUES.md)
#
# JMH_ARGS (optional) is appended to the full17/full25 runs, e.g. JMH_ARGS="-wi 3 -i 3" for a
# shorter window (about 26 minutes each).
#
# Results go to domain-events-benchmarks/results/ under the names below; BENCHMARKS.md says
# how to turn them into its tables (tools/results_table.py, tools/growth_table.py).
set -euo pipefail
script=$(realpath "$0")
cd "$(dirname "$script")/../.."

JAR=domain-events-benchmarks/target/benchmarks.jar
RESULTS=domain-events-benchmarks/results
JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA17=${JAVA17:-java}
commit=$(git rev-parse --short HEAD)

need_jar() {
  [[ -f "$JAR" ]] || { echo "no $JAR: run '$0 build' first" >&2; exit 1; }
}

case "${1:-}" in
  build)
    ./mvnw -B -q -Pbenchmarks -pl domain-events-benchmarks -am package \
      -Dtest=SameWorkTest,GrowthTargetTest -Dsurefire.failIfNoSpecifiedTests=false
    ;;
  scenario6)
    # Scenario 6 taken apart (SharedDispatchBenchmark: old set-up, isolated set-up, event per
    # thread; one and two threads; this library and the reference), 2 forks, under each
    # collector. The -XX:+UseG1GC run is the default collector, named for the file.
    need_jar
    for gc in G1 Serial Parallel; do
      "$JAVA17" -jar "$JAR" '\.SharedDispatchBenchmark\.' -f 2 -prof gc \
        -jvmArgsAppend "-XX:+Use${gc}GC" \
        -rf json -rff "$RESULTS/scenario6-${gc,,}-${commit}.json"
    done
    ;;
  full17)
    need_jar
    # shellcheck disable=SC2086 # JMH_ARGS is a list of options
    "$JAVA17" -jar "$JAR" '\.(DispatchBenchmark|EventCreationBenchmark|UnitOfWorkBenchmark)\.' -prof gc \
      ${JMH_ARGS:-} -rf json -rff "$RESULTS/full-jdk17-${commit}.json"
    ;;
  full25)
    # The jar is built on JDK 17 (class files for 17) and run on JDK 25's JVM.
    need_jar
    # shellcheck disable=SC2086
    "$JDK25_HOME/bin/java" -jar "$JAR" '\.(DispatchBenchmark|EventCreationBenchmark|UnitOfWorkBenchmark)\.' -prof gc \
      -jvm "$JDK25_HOME/bin/java" ${JMH_ARGS:-} -rf json -rff "$RESULTS/full-jdk25-${commit}.json"
    ;;
  goals)
    # What the goals of issue 14 compare, on JDK 17 and then JDK 25 in one sitting: scenarios
    # 1, 2, 4, 5 and 6 and event creation, for this library (explicit and default
    # configuration), the reference dispatcher and Spring's ApplicationEvent, 2 forks each.
    # With BEFORE_JAR=another benchmarks.jar, scenarios 1 and 6 of that build run too (same
    # sitting, same JDKs), for before/after claims.
    need_jar
    goals='\.DispatchBenchmark\.(exactType|fiveHandlers|noHandler|followUp|sharedByThreads)$|\.EventCreationBenchmark\.'
    contenders=REFERENCE,DOMAIN_EVENTS,DOMAIN_EVENTS_DEFAULTS,DOMAIN_EVENTS_DEFAULTS_LOGGING_OFF,SPRING_APPLICATION_EVENT
    for jdk in 17 25; do
      java_bin="$JAVA17"
      [[ $jdk == 25 ]] && java_bin="$JDK25_HOME/bin/java"
      "$java_bin" -jar "$JAR" "$goals" -p contender="$contenders" -prof gc -jvm "$(command -v "$java_bin")" \
        -rf json -rff "$RESULTS/goals-jdk${jdk}-${commit}.json"
      if [[ -n "${BEFORE_JAR:-}" ]]; then
        "$java_bin" -jar "$BEFORE_JAR" '\.DispatchBenchmark\.(exactType|sharedByThreads)$' \
          -p contender=REFERENCE,DOMAIN_EVENTS -prof gc -jvm "$(command -v "$java_bin")" \
          -rf json -rff "$RESULTS/goals-before-jdk${jdk}-${commit}.json"
      fi
    done
    ;;
  growth)
    need_jar
    "$JAVA17" -jar "$JAR" 'RegistrationGrowthBenchmark|HandlerCountBenchmark|DispatchGrowthBenchmark' \
      -prof gc -rf json -rff "$RESULTS/growth-${commit}.json"
    ;;
  scaling)
    need_jar
    "$JAVA17" -cp "$JAR" io.github.domainevents.benchmarks.report.Scaling \
      --label "commit ${commit}" --out "$RESULTS/scaling-${commit}"
    ;;
  pathcost)
    need_jar
    "$JAVA17" -jar "$JAR" 'PathCostBenchmark' -f 2 -prof gc -rf json -rff "$RESULTS/path-cost-${commit}.json"
    ;;
  charts)
    need_jar
    for jdk in 17 25; do
      result="$RESULTS/full-jdk${jdk}-${commit}.json"
      if [[ -f "$result" ]]; then
        "$JAVA17" -cp "$JAR" io.github.domainevents.benchmarks.report.DispatchChart \
          "$result" "${result%.json}-s1-s6.svg" "JDK ${jdk}, commit ${commit}, full profile (2 forks)"
      fi
    done
    ;;
  scoped25)
    # Issue 14's JDK 25 item: ScopedValueContextBenchmark exists only in the jar built on JDK 25
    # (profile jdk25-scoped-values: target/jdk25/benchmarks.jar, runs on JDK 25+ only).
    JAVA_HOME="$JDK25_HOME" ./mvnw -B -q -Pbenchmarks -pl domain-events-benchmarks -am package -DskipTests
    "$JDK25_HOME/bin/java" -jar domain-events-benchmarks/target/jdk25/benchmarks.jar \
      'ScopedValueContextBenchmark' -f 2 -wi 5 -w 1s -i 5 -r 1s -prof gc \
      -rf json -rff "$RESULTS/scoped-values-jdk25-${commit}.json"
    ;;
  *)
    sed -n '2,21p' "$script" >&2
    exit 2
    ;;
esac
