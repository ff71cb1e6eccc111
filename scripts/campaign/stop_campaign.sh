#!/usr/bin/env bash
# Before a planned stop (a machine about to be given back, a job near its time limit): stop the running campaign so that every run saves its checkpoint at the iteration it is at
# (SIGTERM: the campaign terminates its workers, each saves and exits, notebook 14a), stop the carry loop, then carry
# and commit once, so the next machine resumes with nothing lost. Run from the main checkout:
#   bash scripts/campaign/stop_campaign.sh ../campaign/results
set -uo pipefail
src=${1:?give the campaign store folder (the campaign --out)}
cd "$(git rev-parse --show-toplevel)"
pkill -f scripts/campaign/carry.sh                       # a carry in the middle of its commit would race the last one
if pkill -TERM -f 'virtual_softmax.cli campaign'; then
  for _ in $(seq 300); do pgrep -f 'virtual_softmax.cli campaign' > /dev/null || break; sleep 1; done
  pgrep -f 'virtual_softmax.cli campaign' > /dev/null && { echo "the campaign did not stop within 5 minutes" >&2; exit 1; }
fi
bash scripts/campaign/carry.sh "$src" 0 checkpoints
git rev-parse HEAD > "$(git rev-parse --git-path push-base)"   # the next stop's scripts/push_size.py counts from here
