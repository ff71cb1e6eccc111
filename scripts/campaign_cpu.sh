#!/usr/bin/env bash
# The `cpu`-scale campaign behind the saved experiment notebooks. Resumable: finished runs are reused from
# results/results.jsonl and an interrupted run continues from its last checkpoint. Run from the repo root:
#   nohup bash scripts/campaign_cpu.sh ../shared/data > results/campaign.log 2>&1 &
# Give experiment names after the data root to run only those (default: all, in this order).
set -euo pipefail
data=${1:-${VS_DATA:?give the data root as the first argument or set VS_DATA}}
shift || true
experiments=${*:-table3_mnist fig2 fashion_mnist cifar10}
for experiment in $experiments; do
  echo "=== $experiment $(date -u +%FT%TZ)"
  vsoftmax reproduce "$experiment" --scale cpu --data "$data" --out results --no-progress
done
echo "=== done $(date -u +%FT%TZ)"
