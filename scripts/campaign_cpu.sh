#!/usr/bin/env bash
# The recipe-2 `cpu`-scale campaign behind the saved experiment notebooks (issue 9's order: the anchor-init ablation
# first, since it picks the CIFAR default). Resumable: finished runs are reused from results/results.jsonl and an
# interrupted run continues from its last checkpoint. Two single-thread workers, torch.compile (notebook 14).
# Run it from a worktree at a fixed commit, so that edits never change a run in flight:
#   git worktree add ../campaign HEAD && cd ../campaign && pip install -e . (or use the same venv with PYTHONPATH=.)
#   nohup bash scripts/campaign_cpu.sh ../shared/data > results/campaign4.log 2>&1 &
# Give experiment names after the data root to run only those (default: all, in this order).
set -euo pipefail
data=${1:-${VS_DATA:?give the data root as the first argument or set VS_DATA}}
shift || true
experiments=${*:-ablation_init cifar10 table3_mnist ablation_head fashion_mnist cifar10_aug fig2}
echo "=== campaign $experiments from $(git rev-parse --short HEAD) at $(date -u +%FT%TZ)"
PYTHONPATH=$PWD OMP_NUM_THREADS=1 python -m virtual_softmax.cli campaign $experiments --tier cpu --data "$data" --out results --workers 2 --threads 1
echo "=== done $(date -u +%FT%TZ)"
