#!/usr/bin/env bash
# The recipe-2 `cpu`-scale campaign behind the saved experiment notebooks, in issue 18's order (the paper's schedule:
# CIFAR-10 t=1 at 20k, its 5k budget point, MNIST at 20k, CIFAR-100 t=2 at 3k; then, where time allows, MNIST's
# budget points at 1k and 5k, Fig. 2 at 20k and CIFAR-100 t=2 at 7.5k). Resumable: finished runs are reused from
# results/results.jsonl, an interrupted run continues from its last checkpoint, and a run carried in from an earlier
# session (results/inflight/, scripts/carry.sh) from its carried one. Two single-thread workers, torch.compile (notebook 14a).
# Run it from a worktree at a fixed commit, so that edits never change a run in flight:
#   git worktree add ../campaign HEAD && cd ../campaign && pip install -e . (or use the same venv with PYTHONPATH=.)
#   nohup bash scripts/campaign_cpu.sh ../shared/data > results/campaign12.log 2>&1 &
#   (and from the main checkout: nohup bash scripts/carry.sh ../campaign/results > /tmp/carry.log 2>&1 &)
# Give experiment names after the data root to run only those (default: all, in this order).
set -euo pipefail
data=${1:-${VS_DATA:?give the data root as the first argument or set VS_DATA}}
shift || true
experiments=${*:-cifar10_20k cifar10_5k table3_mnist_20k cifar100_t2 table3_mnist_1k table3_mnist_5k fig2_20k cifar100_t2_7500}
echo "=== campaign $experiments from $(git rev-parse --short HEAD) at $(date -u +%FT%TZ)"
PYTHONPATH=$PWD OMP_NUM_THREADS=1 python -m virtual_softmax.cli campaign $experiments --tier cpu --data "$data" --out results --workers 2 --threads 1
echo "=== done $(date -u +%FT%TZ)"
