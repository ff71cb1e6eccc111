#!/usr/bin/env bash
# Re-execute notebooks in place at the `cpu` tier, saving their outputs (what the saved notebooks show), then clean
# them. Experiment notebooks only read the results store (results/results.jsonl and the run folders beside it);
# they never train unless VS_TRAIN_MISSING=1. Usage, from the repo root: bash scripts/run_notebooks.sh nbs/21_*.ipynb ...
# With VS_NO_CHECKPOINTS=1, cells whose first line says they need the campaign's checkpoints (the trained networks,
# kept out of git) are skipped and keep their saved outputs; every other cell, the ledger rows included, runs.
set -euo pipefail
export VS_TIER=${VS_TIER:-${VS_SCALE:-cpu}} MPLBACKEND=Agg
cd nbs
for nb in "$@"; do
  nb=$(basename "$nb"); start=$(date +%s)
  python - "$nb" <<'PY'
import os, sys
from execnb.shell import CaptureShell
needs_checkpoints = lambda cell: cell.source.startswith("# needs the campaign's checkpoints")
skip = needs_checkpoints if os.environ.get('VS_NO_CHECKPOINTS') == '1' else (lambda cell: False)
CaptureShell().execute(sys.argv[1], sys.argv[1], exc_stop=True, preproc=skip)
PY
  echo "executed $nb in $(( $(date +%s) - start )) s"
done
cd .. && nbdev_clean
