#!/usr/bin/env bash
# The one prepared device call of issue 18, item 6: `gpu_paper` (notebook 14a) at the paper's schedules on a lent GPU.
#   here:       bash scripts/device_gpu_paper.sh pack ../shared/data      (MNIST and the CIFAR-10 JPEG copy into .device/)
#   the device: run(command="bash scripts/device_gpu_paper.sh run", carry=[".device"], timeout_s=590)
#   here again: python -m virtual_softmax.cli carry <files_at>/results results   (then commit results/)
# What a call can and cannot hold (device README: 64 MiB travels, files of at most 16 MiB come back, 10 min a command):
# - CIFAR-100's lossless archive is 137 MB, so it cannot travel; its runs fail at once with DatasetMissing, naming the
#   path, and the campaign goes on with the others (they come first in gpu_paper only because the CPUs cannot reach them).
# - Six workers: the six CIFAR-10 t=2 runs share the GPU first. A checkpoint of CIFAR-10 t=2 is ~24 MB (t=4 ~92 MB):
#   too big to come back, so a run counts only if it finishes inside the call. The campaign is stopped with SIGTERM
#   BUDGET seconds in (default 480), which saves every checkpoint and exits; the finished records come back in
#   results/results.jsonl with the log.
# Extra arguments go to `vsoftmax campaign` (e.g. `--tier smoke --no-compile --workers 2` to try the call on a CPU).
set -uo pipefail
cmd=${1:?pack DATA_ROOT | run [campaign options]}; shift
case $cmd in
pack)
  data=${1:?give the data root}; mkdir -p .device
  tar -czf .device/mnist.tar.gz -C "$data" MNIST/raw
  cp "$data/cifar10-jpeg-q75/cifar10-jpeg-q75.tar.gz" .device/
  du -sh .device ;;
run)
  out=${OUT:?run it where \$OUT is set (the device tool sets it)}; root=$(mktemp -d); store=$(mktemp -d)
  tar -xzf .device/mnist.tar.gz -C "$root"
  mkdir -p "$root/cifar10-jpeg-q75" && ln -s "$PWD/.device/cifar10-jpeg-q75.tar.gz" "$root/cifar10-jpeg-q75/"
  py=$(command -v python3 || command -v python)
  (nvidia-smi --query-gpu=name,memory.total --format=csv,noheader; $py -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available())") | tee "$out/device.txt"
  export PYTHONPATH=$PWD PYTHONUNBUFFERED=1 VS_CACHE=$(mktemp -d)
  timeout -s TERM "${BUDGET:-480}" $py -m virtual_softmax.cli campaign gpu_paper --tier paper --data "$root" --out "$store" \
    --workers 6 --threads 2 "$@" > "$out/campaign.log" 2>&1
  echo "campaign exit $? after its budget of ${BUDGET:-480} s" | tee -a "$out/campaign.log"
  mkdir -p "$out/results"; cp "$store/results.jsonl" "$out/results/" 2>/dev/null || echo "no run finished" | tee -a "$out/campaign.log"
  grep -E '^=== .*(done|FAILED)' "$out/campaign.log" | tail -60 ;;
*) echo "unknown command $cmd: pack DATA_ROOT | run" >&2; exit 2 ;;
esac
