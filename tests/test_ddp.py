"Multi-process training through torchrun: 2 CPU processes (gloo) must end with identical parameters."
import subprocess, sys
from pathlib import Path
import torch
from virtual_softmax.standins import write_standin


def test_ddp_ranks_stay_identical(tmp_path):
    data = write_standin('mnist', tmp_path / 'data', n_train=64, n_test=16)
    out = tmp_path / 'out'
    proc = subprocess.run([sys.executable, '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node=2',
                           str(Path(__file__).with_name('ddp_worker.py')), str(data), str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rank0, rank1 = (torch.load(out / f'rank{r}.pt') for r in (0, 1))
    assert rank0.keys() == rank1.keys()
    for name in rank0:
        if name.endswith(('running_mean', 'running_var', 'num_batches_tracked')): continue  # BN statistics are per rank
        assert torch.equal(rank0[name], rank1[name]), name
    init = torch.load(out / 'rank0.pt')
    # the run did train: the first conv moved away from a fresh initialisation with the same seed
    from virtual_softmax.assembly import build
    from virtual_softmax.config import TrainConfig
    fresh = build(TrainConfig(dataset='mnist', loss='virtual_softmax'), 1, 28, 10).state_dict()
    assert not torch.equal(fresh['backbone.body.0.0.weight'], init['backbone.body.0.0.weight'])
    # one record, written by rank 0 only
    assert len((out / 'results.jsonl').read_text().splitlines()) == 1
