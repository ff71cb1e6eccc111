#!/usr/bin/env bash
# Every MINUTES (default 20): carry a running campaign's new records and log into results/ and commit them, so that
# losing the machine (a spot instance reclaimed, a job's time limit) loses no finished run (notebook 14a). Run from the
# main checkout, beside a campaign running in its own worktree:
#   nohup bash scripts/campaign/carry.sh ../campaign/results 20 > /tmp/carry.log 2>&1 &
# MINUTES 0 carries once and returns. In-flight checkpoints are copied into results/inflight/ only when under 10 MB
# (`CARRY_LIMIT_MB`: git keeps every committed version of a file for good, so big checkpoints would bloat every clone;
# a run with a bigger one must finish where it started), and committed only when the third argument is `checkpoints`
# (scripts/campaign/stop_campaign.sh, once, at a planned stop). Before committing them it asks scripts/push_size.py how
# much the commits since the last stop (or the checkout's first state) add up to, and leaves them out past BUDGET_MIB (default 200), a
# guard on the size of one push. Deletions of carried checkpoints whose record has landed are committed every time.
# A carry commit this loop made that is still HEAD is amended rather than followed by another. It commits the index:
# stage nothing by hand in this checkout while it runs.
set -uo pipefail
src=$(cd "${1:?give the campaign store folder (the campaign --out)}" && pwd); minutes=${2:-20}; what=${3:-records}
budget=${BUDGET_MIB:-200}; ours=none
cd "$(git rev-parse --show-toplevel)"
while true; do
  if python -m virtual_softmax.cli carry "$src" results; then
    git add -A -- results/results.jsonl
    git ls-files --deleted -- results/inflight | xargs -r git rm --cached -q --
    if [ "$what" = checkpoints ]; then
      git add -A -- results/inflight
      used=$(python scripts/push_size.py)
      if python -c "import sys; sys.exit(float('$used') <= $budget)"; then
        echo "carry: committing the checkpoints would bring the commits since this checkout's base to $used MiB of diffs (> $budget): left out" >&2
        git reset -q -- results/inflight; git ls-files --deleted -- results/inflight | xargs -r git rm --cached -q --
      fi
    fi
    if ! git diff --cached --quiet -- results; then
      msg="Campaign carry: records at $(date -u +%FT%TZ)"
      git diff --cached --quiet --diff-filter=AM -- results/inflight || msg="Campaign carry: records and in-flight checkpoints at $(date -u +%FT%TZ)"
      amend=(); [ "$(git rev-parse HEAD)" = "$ours" ] && amend=(--amend)
      git commit -q "${amend[@]}" -m "$msg" &&   # the index only: changed checkpoints stay uncommitted unless staged above
      ours=$(git rev-parse HEAD) && echo "$msg${amend:+ (amended)} ($(python scripts/push_size.py) MiB of diffs since this checkout's base)"
    fi
  fi
  [ "$minutes" = 0 ] && break
  sleep $((minutes * 60))
done
