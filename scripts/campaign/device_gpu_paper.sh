#!/usr/bin/env bash
# `gpu_paper` (notebook 14a) at the paper's schedules on a GPU machine that is reached by copying the working tree to it,
# a call at a time: at most 64 MiB travels with a call, files of at most 16 MiB come back, 10 min a command.
#   here:       bash scripts/campaign/device_gpu_paper.sh pack ../shared/data
#               (MNIST and the first half of the lossless CIFAR-10 training mosaics into .device/part1, the rest of the
#               lossless copy into .device/part2: the copy is 97 MiB, too much for one call)
#   there, 1st: bash scripts/campaign/device_gpu_paper.sh receive   (sent with .device/part1)
#   there, 2nd: bash scripts/campaign/device_gpu_paper.sh run       (sent with .device/part2, under a 590 s limit, on the
#               same machine while it is still up: files sent earlier stay there between commands)
#   here again: python -m virtual_softmax.cli carry <the returned folder>/results results   (then commit results/)
# `run` joins the two halves, decodes the lossless copy and checks its sha256 (the reader refuses a copy whose pixels
# differ) before any training, then trains recipe 3 (FAITHFUL_CIFAR) on it.
# - CIFAR-100's lossless archive is 137 MB, so it cannot travel; its runs fail at once with DatasetMissing, naming the
#   path, and the campaign goes on with the others.
# - Six workers: the six CIFAR-10 t=2 runs share the GPU first. A checkpoint of CIFAR-10 t=2 is ~24 MB (t=4 ~92 MB):
#   too big to come back, so a run counts only if it finishes inside the call. The campaign is stopped with SIGTERM
#   BUDGET seconds in (default 480), which saves every checkpoint and exits; the finished records come back in
#   results/results.jsonl with the log.
# Extra arguments go to `vsoftmax campaign` (e.g. `--tier smoke --no-compile --workers 2` to try the call on a CPU).
set -uo pipefail
cmd=${1:?pack DATA_ROOT | receive | run [campaign options]}; shift
lossless=cifar10-lossless
case $cmd in
pack)
  data=${1:?give the data root}; rm -rf .device/part1 .device/part2; mkdir -p .device/part1/train .device/part2/train
  tar -czf .device/part1/mnist.tar.gz -C "$data" MNIST/raw
  cp "$data/$lossless"/train/00[0-4]-*.webp .device/part1/train/
  cp "$data/$lossless"/train/00[5-9]-*.webp .device/part2/train/
  cp -r "$data/$lossless"/test "$data/$lossless"/{classes.json,SHA256SUMS-decoded.txt,filenames.txt.xz} .device/part2/
  du -sh .device/part1 .device/part2 ;;
receive)
  ls .device/part1/train | tee "${OUT:-/tmp}/received.txt" ;;
run)
  out=${OUT:?run it where \$OUT is set}; root=$(mktemp -d); store=$(mktemp -d)
  [ -d .device/part1 ] && [ -d .device/part2 ] || { echo "both halves are needed: call 'receive' with .device/part1 first" | tee "$out/campaign.log"; exit 2; }
  tar -xzf .device/part1/mnist.tar.gz -C "$root"
  mkdir -p "$root/$lossless/train"
  ln -s "$PWD"/.device/part1/train/*.webp "$PWD"/.device/part2/train/*.webp "$root/$lossless/train/"
  ln -s "$PWD"/.device/part2/{test,classes.json,SHA256SUMS-decoded.txt,filenames.txt.xz} "$root/$lossless/"
  py=$(command -v python3 || command -v python)
  export PYTHONPATH=$PWD PYTHONUNBUFFERED=1 VS_CACHE=$(mktemp -d)
  (nvidia-smi --query-gpu=name,memory.total --format=csv,noheader; $py -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available())") | tee "$out/device.txt"
  $py -c "from virtual_softmax.data import load_cifar10; x, _ = load_cifar10('$root', True); t, _ = load_cifar10('$root', False); print('lossless CIFAR-10 decoded, sha256 checked:', len(x), len(t))" \
    | tee -a "$out/device.txt" || { echo "the lossless copy did not check out" | tee -a "$out/device.txt"; exit 1; }
  timeout -s TERM "${BUDGET:-480}" $py -m virtual_softmax.cli campaign gpu_paper --tier paper --data "$root" --out "$store" \
    --workers 6 --threads 2 "$@" > "$out/campaign.log" 2>&1
  echo "campaign exit $? after its budget of ${BUDGET:-480} s" | tee -a "$out/campaign.log"
  mkdir -p "$out/results"; cp "$store/results.jsonl" "$out/results/" 2>/dev/null || echo "no run finished" | tee -a "$out/campaign.log"
  grep -E '^=== .*(done|FAILED)' "$out/campaign.log" | tail -60 ;;
*) echo "unknown command $cmd: pack DATA_ROOT | receive | run" >&2; exit 2 ;;
esac
