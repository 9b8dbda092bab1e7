# Shared by bin/arbiter and bin/bench: locate the project and the JVM flags Hazelcast asks for.
# shellcheck shell=bash
ARBITER_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ARBITER_HOME
ARBITER_JVM_FLAGS=(
  --add-modules java.se
  --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED
  --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED
  -Dhazelcast.phone.home.enabled=false
)

# True when the build output is missing or older than any source, rule-free input of the build.
arbiter_needs_build() {
  local marker="$1"
  [ -f "$marker" ] || return 0
  [ -n "$(find "$ARBITER_HOME/pom.xml" "$ARBITER_HOME/src/main" "$@" -newer "$marker" -print -quit 2>/dev/null)" ]
}
