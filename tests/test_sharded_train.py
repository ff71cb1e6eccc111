"""Issue 21: the trainer with `--loss sharded_virtual_softmax` under torchrun (2 gloo processes). Its steps are those of
plain DDP with virtual_softmax (an independent path: DDP's own averaging, the one-process loss), it resumes from its
checkpoint, and the checkpoint scores on one process with the accuracy the run recorded."""
import json, os, re, subprocess, sys
from pathlib import Path
import torch
from virtual_softmax.data import load_tensors
from virtual_softmax.standins import write_standin
from virtual_softmax.checkpoints import load_checkpoint
from virtual_softmax.evaluate import top1_accuracy

TORCHRUN = [sys.executable, '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node=2']
ENV = {**os.environ, 'OMP_NUM_THREADS': '1'}
BN_STATS = ('running_mean', 'running_var', 'num_batches_tracked')   # per rank in DDP, by design


def test_sharded_steps_equal_plain_ddp_and_resume(tmp_path):
    data, out = write_standin('mnist', tmp_path / 'data', n_train=64, n_test=16), tmp_path / 'out'
    run = subprocess.run([*TORCHRUN, str(Path(__file__).with_name('sharded_train_worker.py')), str(data), str(out)],
                         capture_output=True, text=True, timeout=300, env=ENV)   # a rank left alone in a collective hangs
    assert run.returncode == 0, run.stderr[-4000:]
    statements = re.findall(r'rank (\d): float64 gradients of the sharded step match plain DDP', run.stdout)
    assert sorted(statements) == ['0', '1'], run.stdout
    stops = re.findall(r'rank (\d): interrupted at iteration (\d+), exit code (\d+)', run.stdout)
    assert sorted(stops) == [('0', '10', '143'), ('1', '10', '143')], run.stdout   # one rank's signal stops both, together
    assert torch.load(next((out / 'signalled').glob('*/checkpoint.pt')), weights_only=True)['iteration'] == 10
    clocked = re.findall(r'rank (\d): saved at \[([\d, ]*)\]', run.stdout)
    assert sorted(clocked) == [('0', '10, 20, 25'), ('1', '10, 20, 25')], run.stdout   # one rank's due checkpoint saves both
    ranks = [torch.load(out / f'rank{r}.pt') for r in (0, 1)]
    assert [r['rows'][0] for r in ranks] == [5, 5]                              # each rank held half of the 10 anchors
    fresh = fresh_weights()
    for saved in ranks:
        plain, sharded, resumed = saved['plain'], saved['sharded'], saved['resumed']
        assert plain.keys() == sharded.keys()
        moved = (plain['head.weight'] - fresh['head.weight']).abs().max()
        assert moved > 1e-3, moved                                               # the runs did train the anchors
        for name in plain:
            # the same steps: in float64 one step's gradients agree to 1e-12 (the worker checks); in the trainer's
            # float32, rounding grows over four steps through BatchNorm on 8 images to about 1e-3 of what a weight moved,
            # while summing the backbone's gradients wrongly (DDP's average) would differ by half of it
            moved = (plain[name].double() - fresh[name].double()).abs().max()
            assert (sharded[name].double() - plain[name].double()).abs().max() <= 0.01 * moved, name
            assert torch.equal(resumed[name], sharded[name]), name               # a resumed run is the same run
    for name in ranks[0]['sharded']:                                             # and the ranks agree
        if not name.endswith(BN_STATS): assert torch.equal(ranks[0]['sharded'][name], ranks[1]['sharded'][name]), name
    # the checkpoint is a one-process model: it scores as the run recorded
    record = json.loads((out / 'sharded' / 'results.jsonl').read_text())
    ckpt = next((out / 'sharded').glob('*/checkpoint.pt'))
    model, config, norm = load_checkpoint(ckpt)
    assert type(model.head).__name__ == 'VirtualSoftmax' and torch.equal(model.head.weight, ranks[0]['sharded']['head.weight'])
    x, y = load_tensors('mnist', str(data), train=False)
    assert abs(top1_accuracy(model, x, y, norm) - record['test_accuracy']) < 1e-9


def fresh_weights():
    "The anchors a run with seed 0 starts from (independent of the trainer's loop)."
    from virtual_softmax.assembly import build
    from virtual_softmax.config import TrainConfig
    return build(TrainConfig(dataset='mnist', loss='virtual_softmax'), 1, 28, 10).state_dict()


def test_cli_sharded_smoke_run_scores_on_one_process(tmp_path):
    data, out = write_standin('mnist', tmp_path / 'data', n_train=64, n_test=16), tmp_path / 'out'
    train = subprocess.run([*TORCHRUN, '-m', 'virtual_softmax.cli', 'train', '--dataset', 'mnist', '--loss', 'sharded_virtual_softmax',
                            '--iterations', '4', '--milestones', '3', '--batch-size', '16', '--data', str(data), '--out', str(out),
                            '--device', 'cpu', '--no-progress'], capture_output=True, text=True, timeout=600, env=ENV)
    assert train.returncode == 0, train.stderr[-4000:]
    record = json.loads((out / 'results.jsonl').read_text())
    assert record['world_size'] == 2 and record['config']['loss'] == 'sharded_virtual_softmax'
    ckpt = next(out.glob('*/checkpoint.pt'))
    score = subprocess.run([sys.executable, '-m', 'virtual_softmax.cli', 'eval', str(ckpt), '--data', str(data)],
                           capture_output=True, text=True, timeout=300, env=ENV)
    assert score.returncode == 0, score.stderr[-3000:]
    accuracy = float(re.search(r'test accuracy ([\d.]+)%', score.stdout).group(1))
    assert abs(accuracy - record['test_accuracy']) < 0.005, (score.stdout, record['test_accuracy'])
