#!/usr/bin/env bash
# Issue 19's measure: the campaign's layout (two concurrent single-thread `vsoftmax train` processes, softmax and
# Virtual Softmax) from two source trees, total wall time of each pair, repeated and interleaved (A B A B ...) so that
# drift on the machine hits both alike. Run it on an idle machine (pause a campaign first: kill -STOP / -CONT).
#   bash scripts/side_by_side.sh OLD_TREE NEW_TREE [REPEATS] [DATASET] [DATA_ROOT]
# Both trees run with the same Python (the active venv), each with PYTHONPATH at its own root. A first untimed pair per
# tree fills torch.compile's cache, as the first run of a campaign does; the timed pairs then find it warm (WARM=0
# skips it where both caches are known to be warm already).
set -euo pipefail
old=$(cd "$1" && pwd); new=$(cd "$2" && pwd); repeats=${3:-2}; dataset=${4:-cifar10_jpeg}
data=$(cd "${5:-$new/../shared/data}" && pwd)
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
pair() {   # tree label -> prints wall seconds of two concurrent runs
  local tree=$1 out="$scratch/$2-$RANDOM" t0 pids=()
  t0=$(date +%s.%N)
  for loss in softmax virtual_softmax; do
    (cd "$tree" && PYTHONPATH="$tree" OMP_NUM_THREADS=1 python -m virtual_softmax.cli train --dataset "$dataset" \
      --loss "$loss" --iterations 300 --milestones 180 270 --eval-every 300 --max-test 1000 --amp --compile \
      --data "$data" --out "$out" --no-progress > "$out.$loss.log" 2>&1) &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || { cat "$out".*.log >&2; exit 1; }; done
  python -c "import time; print(f'{time.time() - $t0:.1f}')"
}
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) (model $(grep -m1 '^model' /proc/cpuinfo | cut -d: -f2 | xargs)), $(nproc) cores"
echo "old: $old @ $(git -C "$old" rev-parse --short HEAD); new: $new @ $(git -C "$new" rev-parse --short HEAD)$(git -C "$new" diff --quiet HEAD -- virtual_softmax || echo +dirty)"
if [ "${WARM:-1}" != 0 ]; then pair "$old" warm-old > /dev/null; pair "$new" warm-new > /dev/null; fi
olds=(); news=()
for i in $(seq "$repeats"); do
  olds+=("$(pair "$old" old)"); news+=("$(pair "$new" new)")
  echo "repeat $i: old ${olds[-1]} s, new ${news[-1]} s"
done
python - "${olds[*]}" "${news[*]}" <<'EOF'
import sys, statistics as st
old, new = ([float(v) for v in a.split()] for a in sys.argv[1:3])
print(f"pair wall time: old median {st.median(old):.1f} s, new median {st.median(new):.1f} s, "
      f"speed-up {st.median(old) / st.median(new):.2f}x")
EOF
