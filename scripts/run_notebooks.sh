#!/usr/bin/env bash
# Re-execute notebooks in place at the `cpu` tier, saving their outputs (what the saved notebooks show), then clean
# them. Experiment notebooks only read the results store (results/results.jsonl and the run folders beside it);
# they never train unless VS_TRAIN_MISSING=1. Usage, from the repo root: bash scripts/run_notebooks.sh nbs/21_*.ipynb ...
set -euo pipefail
export VS_SCALE=${VS_SCALE:-cpu} MPLBACKEND=Agg
cd nbs
for nb in "$@"; do
  nb=$(basename "$nb"); start=$(date +%s)
  exec_nb "$nb" --dest "$nb" --exc_stop
  echo "executed $nb in $(( $(date +%s) - start )) s"
done
cd .. && nbdev_clean
