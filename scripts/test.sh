#!/bin/sh
# `npm test`: lint, then the type-check and every test side by side (the tests spend much of
# their time waiting on servers and child processes, which leaves a core for tsc). Arguments
# go to vitest (`npm test -- test/retry.test.ts`). Fails if any of the three fails.
npm run --silent lint || exit
npm run --silent typecheck &
typecheck=$!
vitest run "$@"
tests=$?
wait "$typecheck" || exit
exit "$tests"
