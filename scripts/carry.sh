#!/usr/bin/env bash
# Every MINUTES (default 20): carry a running campaign's new records, in-flight checkpoints and log into results/ and
# commit them, so that the end of a session loses at most that much computation (notebook 14a). Run from the main
# checkout, beside a campaign running in its own worktree:
#   nohup bash scripts/carry.sh ../campaign/results 20 > /tmp/carry.log 2>&1 &
# A carry commit that is still HEAD is amended rather than followed by another, so superseded checkpoints do not pile
# up in the history between commits of other work.
set -uo pipefail
src=$(cd "${1:?give the campaign store folder (the campaign --out)}" && pwd); minutes=${2:-20}
cd "$(git rev-parse --show-toplevel)"
while true; do
  if python -m virtual_softmax.cli carry "$src" results; then
    git add -A -- results/results.jsonl results/inflight results/campaign*.log
    if ! git diff --cached --quiet -- results; then
      msg="Campaign carry: records and in-flight checkpoints at $(date -u +%FT%TZ)"
      amend=(); git log -1 --format=%s | grep -q '^Campaign carry:' && amend=(--amend)
      git commit -q "${amend[@]}" -m "$msg" -- results && echo "$msg${amend:+ (amended)}"
    fi
  fi
  sleep $((minutes * 60))
done
