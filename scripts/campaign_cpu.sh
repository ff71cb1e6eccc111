#!/usr/bin/env bash
# The `cpu`-scale campaign behind the saved experiment notebooks, in the faithful-CIFAR order (notebooks 22 and 30):
# CIFAR-10 t=1 with recipe 3 on the lossless copy at 5k iterations (25 %) and at the paper's 20k, recipe 2 on the
# lossless copy at 5k (what the recipe and the data each cost), then Table 3's compared methods on MNIST at 20k, then
# the public ports' Virtual Softmax variants at 5k (notebook 31).
# Resumable: finished runs are reused from results/results.jsonl, an interrupted run continues from its last checkpoint,
# and a run carried in from another machine (results/inflight/, scripts/carry.sh) from its carried one. Every run here
# has a checkpoint under 10 MB, so it can move between machines (notebook 14a); runs with bigger checkpoints (CIFAR-100
# t=2, e.g. `cifar100_t2_7500` seeds 1-2) are left out: start them by name only on a machine that has the time the dry
# run estimates (`... campaign NAME --tier cpu --dry-run --out results`). Two single-thread workers, torch.compile.
# Run it from a worktree at a fixed commit, so that edits never change a run in flight:
#   git worktree add ../campaign HEAD && cd ../campaign && pip install -e . (or use the same venv with PYTHONPATH=.)
#   nohup bash scripts/campaign_cpu.sh ../shared/data > results/campaign.log 2>&1 &
#   (and from the main checkout: nohup bash scripts/carry.sh ../campaign/results > /tmp/carry.log 2>&1 &)
# Give experiment names after the data root to run only those (default: all, in this order).
set -euo pipefail
data=${1:-${VS_DATA:?give the data root as the first argument or set VS_DATA}}
shift || true
experiments=${*:-cifar10_5k cifar10_20k cifar10_r2_5k table3_compared_20k port_variants}
echo "=== campaign $experiments from $(git rev-parse --short HEAD) at $(date -u +%FT%TZ)"
PYTHONPATH=$PWD OMP_NUM_THREADS=1 python -m virtual_softmax.cli campaign $experiments --tier cpu --data "$data" --out results --workers 2 --threads 1
echo "=== done $(date -u +%FT%TZ)"
