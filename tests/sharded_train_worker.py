"""Launched by torchrun from test_sharded_train.py: trains the same few steps with plain DDP + virtual_softmax, with
the sharded classifier, and with the sharded classifier stopped half-way and resumed; saves each run's whole weights.
Then one step's gradients in float64, a stop signal that reaches one rank only, and a checkpoint clock (`ckpt_minutes`)
that runs out on one rank only."""
import os, signal, sys
from unittest import mock
import torch, torch.distributed as dist
import virtual_softmax.train as train_module
from virtual_softmax.config import TrainConfig
from virtual_softmax.train import train, Interrupted, Run
from virtual_softmax.learner import Learner
from virtual_softmax.assembly import build, data_parallel

data, out = sys.argv[1], sys.argv[2]
base = dict(dataset='mnist', iterations=4, milestones=(3,), batch_size=16, data=data, device='cpu', eval_every=4, ckpt_every=2)

def run(loss, name, settings=base, **kwargs):
    return train(TrainConfig(loss=loss, out=f"{out}/{name}", **settings), progress=False, keep_model=True, **kwargs)

def whole_weights(model):
    state = {k: v.clone() for k, v in model.state_dict().items()}
    if hasattr(model.head, 'to_full'): state['head.weight'] = model.head.to_full().weight.clone()   # collective
    return state

sharded = run('sharded_virtual_softmax', 'sharded')['model']
rank = dist.get_rank()
saved = dict(rows=tuple(sharded.head.weight.shape), sharded=whole_weights(sharded),
             plain=whole_weights(run('virtual_softmax', 'plain')['model']))
assert run('sharded_virtual_softmax', 'resumed', stop_after=2)['stopped_at'] == 2
saved['resumed'] = whole_weights(run('sharded_virtual_softmax', 'resumed', resume=True)['model'])
torch.save(saved, f"{out}/rank{rank}.pt")

# one step's gradients in float64: the sharded classifier under `data_parallel` against plain DDP, rank by rank
gen = torch.Generator().manual_seed(1)
images, labels = torch.randn(16, 1, 28, 28, generator=gen, dtype=torch.float64), torch.randint(0, 10, (16,), generator=gen)
mine = slice(8 * rank, 8 * rank + 8)
plain, sharded = (build(TrainConfig(loss=loss), 1, 28, 10).double() for loss in ('virtual_softmax', 'sharded_virtual_softmax'))
wrapped = [data_parallel(m) for m in (plain, sharded)]            # kept alive: DDP reduces in backward
for ddp in wrapped: ddp(images[mine], labels[mine]).backward()
rows = slice(sharded.head.offset, sharded.head.offset + sharded.head.shard)
errors = [(plain.head.weight.grad[rows] - sharded.head.weight.grad).abs().max().item()]
errors += [(a.grad - b.grad).abs().max().item() for a, b in zip(plain.backbone.parameters(), sharded.backbone.parameters())]
assert max(errors) < 1e-12, max(errors)
print(f"rank {rank}: float64 gradients of the sharded step match plain DDP (max error {max(errors):.1e})", flush=True)

# SIGTERM reaches rank 1 alone, during iteration 6: both ranks must save iteration 10 and stop there
one_step = Learner.one_step
def one_signalled(self):
    if rank == 1 and self.iteration == 6: os.kill(os.getpid(), signal.SIGTERM)
    return one_step(self)
with mock.patch.object(Learner, 'one_step', one_signalled):
    try: run('sharded_virtual_softmax', 'signalled', {**base, 'iterations': 40, 'milestones': (30,), 'ckpt_every': 100})
    except Interrupted as stop: print(f"rank {rank}: interrupted at iteration {stop.iteration}, exit code {stop.exit_code}", flush=True)

# rank 1's checkpoint clock is always due, rank 0's never: both ranks must save together (the sharded save gathers the
# anchors, a collective) at the multiples of 10 where they agree, then at the end: iterations 10, 20 and 25
saved, save = [], train_module.save_checkpoint
def counting(path, model, optimizer, scheduler, log, *rest, **kw):
    save(path, model, optimizer, scheduler, log, *rest, **kw); saved.append(log.iteration)
with mock.patch.object(train_module, 'save_checkpoint', counting), mock.patch.object(Run, 'checkpoint_due', lambda self: rank == 1):
    run('sharded_virtual_softmax', 'clocked', {**base, 'iterations': 25, 'milestones': (20,), 'eval_every': 25, 'ckpt_every': 100, 'ckpt_minutes': 1})
print(f"rank {rank}: saved at {saved}", flush=True)
dist.destroy_process_group()
