#!/usr/bin/env bash
# Every MINUTES (default 20): carry a running campaign's new records, in-flight checkpoints and log into results/ and
# commit them, so that the end of a session loses at most that much computation (notebook 14a). Run from the main
# checkout, beside a campaign running in its own worktree:
#   nohup bash scripts/carry.sh ../campaign/results 20 > /tmp/carry.log 2>&1 &
# MINUTES 0 carries once and returns (scripts/stop_campaign.sh does, at a session's end).
# A carry commit this loop made that is still HEAD is amended rather than followed by another, so superseded
# checkpoints do not pile up in the history between commits of other work; a carry commit from an earlier session
# (which may have landed) is never rewritten.
set -uo pipefail
src=$(cd "${1:?give the campaign store folder (the campaign --out)}" && pwd); minutes=${2:-20}; ours=none
cd "$(git rev-parse --show-toplevel)"
while true; do
  if python -m virtual_softmax.cli carry "$src" results; then
    git add -A -- results/results.jsonl results/inflight results/campaign*.log
    if ! git diff --cached --quiet -- results; then
      msg="Campaign carry: records and in-flight checkpoints at $(date -u +%FT%TZ)"
      amend=(); [ "$(git rev-parse HEAD)" = "$ours" ] && amend=(--amend)
      git commit -q "${amend[@]}" -m "$msg" -- results && ours=$(git rev-parse HEAD) && echo "$msg${amend:+ (amended)}"
    fi
  fi
  [ "$minutes" = 0 ] && break
  sleep $((minutes * 60))
done
