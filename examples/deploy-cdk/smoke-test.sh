#!/usr/bin/env bash
# One command against a real AWS account: deploys a uniquely named pixelstep stack, uploads a photo
# with an operation chain (a cold and a warm run) and a file that is no image, waits for the
# manifests, checks every output and the FAILED manifest, prints the timings of each execution,
# then destroys the stack and deletes its (retained) buckets. Needs AWS credentials and a region
# (AWS_REGION or the profile's), a bootstrapped account (npx aws-cdk@2 bootstrap), a JDK 17+ and Node.js.
#
#   examples/deploy-cdk/smoke-test.sh [--photo FILE] [--ops CHAIN] [--timeout SECONDS]
#
# Extra cdk context goes in CDK_CONTEXT_ARGS, e.g. CDK_CONTEXT_ARGS="-c runtime=java21".
# KEEP_STACK=1 leaves the stack and its buckets in place for a look around.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
stack="PixelstepSmoke-$(date -u +%Y%m%d-%H%M%S)-$RANDOM"
outputs="$here/target/smoke-$stack.json"

echo "== building (./mvnw install -DskipTests)"
(cd "$root" && ./mvnw -B -q install -DskipTests)

cd "$here"
java_main() { java -cp "target/pixelstep-deploy-cdk.jar" dev.pixelstep.cdk.smoke.SmokeTest "$@"; }

cleanup() {
  status=$?
  if [[ "${KEEP_STACK:-}" == "1" ]]; then
    echo "== KEEP_STACK=1: stack $stack and its buckets are left in place"
    exit $status
  fi
  echo "== destroying $stack"
  npx --yes aws-cdk@2 destroy --force -c stackName="$stack" ${CDK_CONTEXT_ARGS:-} || status=1
  if [[ -f "$outputs" ]]; then
    echo "== deleting the stack's retained buckets"
    java_main cleanup --outputs "$outputs" --stack "$stack" || status=1
  fi
  exit $status
}
trap cleanup EXIT

echo "== deploying $stack"
npx --yes aws-cdk@2 deploy "$stack" --require-approval never -c stackName="$stack" ${CDK_CONTEXT_ARGS:-} --outputs-file "$outputs"

echo "== checking"
java_main check --outputs "$outputs" --stack "$stack" "$@"
