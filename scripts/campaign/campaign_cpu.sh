#!/usr/bin/env bash
# The `cpu`-scale campaign behind the saved experiment notebooks: the registry's CPU_CAMPAIGN (notebook 14), budget
# points NAME@FRACTION-of-the-paper's-schedule in the faithful-CIFAR order (notebooks 22 and 30): CIFAR-10 t=1 with
# recipe 3 on the lossless copy at 25 % (5k iterations) and at the paper's 20k, recipe 2 on the lossless copy at 25 %
# (what the recipe and the data each cost), Table 3 on MNIST at 20k (the compared methods), the public ports'
# Virtual Softmax variants at 25 % (notebook 31), then CIFAR-10's budget curve at 10 % and 5 %.
# Resumable: finished runs are reused from results/results.jsonl, an interrupted run continues from its last checkpoint,
# and a run carried in from another machine (results/inflight/, scripts/campaign/carry.sh) from its carried one. Every run here
# has a checkpoint under 10 MB, so it can move between machines (notebook 14a); runs with bigger checkpoints (CIFAR-100
# t=2, e.g. `cifar100_t2@0.25` seeds 1-2) are left out: start them by name only on a machine that has the time the dry
# run estimates (`... campaign NAME --tier cpu --dry-run --out results`). Two single-thread workers, torch.compile.
# Run it from a worktree at a fixed commit, so that edits never change a run in flight:
#   git worktree add ../campaign HEAD && cd ../campaign && pip install -e . (or use the same venv with PYTHONPATH=.)
#   nohup bash scripts/campaign/campaign_cpu.sh ../shared/data > results/campaign.log 2>&1 &
#   (and from the main checkout: nohup bash scripts/campaign/carry.sh ../campaign/results > /tmp/carry.log 2>&1 &)
# Give budget points after the data root (NAME or NAME@FRACTION) to run only those (default: the registry's CPU_CAMPAIGN).
set -euo pipefail
data=${1:-${VS_DATA:?give the data root as the first argument or set VS_DATA}}
shift || true
experiments=${*:-}   # empty: the CLI's default, the registry's CPU_CAMPAIGN
echo "=== campaign ${experiments:-CPU_CAMPAIGN} from $(git rev-parse --short HEAD) at $(date -u +%FT%TZ)"
PYTHONPATH=$PWD OMP_NUM_THREADS=1 python -m virtual_softmax.cli campaign $experiments --tier cpu --data "$data" --out results --workers 2 --threads 1
echo "=== done $(date -u +%FT%TZ)"
