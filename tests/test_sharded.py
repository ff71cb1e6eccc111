"Issue 21: ShardedVirtualSoftmax equals the single-process VirtualSoftmax under torchrun with gloo, 2 and 4 processes."
import os, re, subprocess, sys
from pathlib import Path
import pytest

WORKER = Path(__file__).with_name('sharded_worker.py')


@pytest.mark.parametrize('world', [2, 4])
def test_sharded_matches_single_process(world):
    run = subprocess.run([sys.executable, '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node', str(world), str(WORKER)],
                         capture_output=True, text=True, timeout=600, env={**os.environ, 'OMP_NUM_THREADS': '1'})
    assert run.returncode == 0, run.stderr[-4000:]
    # ranks print concurrently, so two lines can run together: find the statements, not the lines
    ranks = re.findall(r'rank (\d+) of (\d+): loss, anchor and feature gradients match VirtualSoftmax', run.stdout)
    assert sorted(ranks) == [(str(r), str(world)) for r in range(world)], run.stdout
