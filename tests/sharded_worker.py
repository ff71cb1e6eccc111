"""One rank of the exactness check of `ShardedVirtualSoftmax` (notebook 00b), launched by torchrun with gloo:
    python -m torch.distributed.run --nproc_per_node N tests/sharded_worker.py
Every rank builds the same global batch and the same single-process `VirtualSoftmax` in float64, computes the reference
loss and gradients itself, and compares its own shard's loss and gradients with them; it prints one line when all hold."""
import os
import torch, torch.distributed as dist
from virtual_softmax.losses import VirtualSoftmax
from virtual_softmax.distributed import ShardedVirtualSoftmax

TOL = 1e-10


def case(name, sizes, classes, dim, labels_fn, seed):
    "Compare loss, anchor and feature gradients on one global batch split into `sizes` local batches."
    rank, world = dist.get_rank(), dist.get_world_size()
    gen = torch.Generator().manual_seed(seed)
    n = sum(sizes)
    X = torch.randn(n, dim, generator=gen, dtype=torch.float64) * 3
    y = labels_fn(gen, n, classes)
    torch.manual_seed(seed)
    ref = VirtualSoftmax(dim, classes).double()
    with torch.no_grad(): ref.weight.mul_(5)                       # norms away from 1, so errors in them show
    Xr = X.clone().requires_grad_()
    ref_loss = ref(Xr, y); ref_loss.backward()
    sharded = ShardedVirtualSoftmax.from_full(ref, None)
    start = sum(sizes[:rank])
    mine = X[start:start + sizes[rank]].clone().requires_grad_()
    loss = sharded(mine, y[start:start + sizes[rank]])
    loss.backward()
    rows = slice(sharded.offset, sharded.offset + sharded.shard)
    errors = {'loss': (loss - ref_loss).abs().item(),
              'anchor grad': (sharded.weight.grad - ref.weight.grad[rows]).abs().max().item(),
              'feature grad': (mine.grad - Xr.grad[start:start + sizes[rank]]).abs().max().item() if sizes[rank] else 0.0}
    bad = {k: v for k, v in errors.items() if not v <= TOL}
    assert not bad, f"rank {rank} {name}: {bad}"
    # prediction without the full logits, and the gathered model, against the single-process head
    with torch.no_grad():
        expected = (X @ ref.weight.t()).argmax(1)[start:start + sizes[rank]]
        assert torch.equal(sharded.predict(X[start:start + sizes[rank]]), expected), f"rank {rank} {name}: predict"
        assert torch.equal(sharded.to_full().weight, ref.weight), f"rank {rank} {name}: to_full"
    return max(errors.values())


def expect_error(name, fn, contains):
    "Every rank must raise the same one-line ValueError, whichever rank had the bad input."
    try: fn()
    except ValueError as e:
        assert contains in str(e) and '\n' not in str(e), f"rank {dist.get_rank()} {name}: {e}"
        return
    raise AssertionError(f"rank {dist.get_rank()} {name}: no error")


def main():
    dist.init_process_group('gloo')
    rank, world = dist.get_rank(), dist.get_world_size()
    classes, dim = 4 * world, 6
    uniform = lambda gen, n, c: torch.randint(0, c, (n,), generator=gen)
    worst = max(
        case('random labels', [5] * world, classes, dim, uniform, 0),
        case('all labels on shard 0 (the others own none)', [4] * world, classes, dim,
             lambda gen, n, c: torch.randint(0, c // world, (n,), generator=gen), 1),
        case('uneven local batches, one empty', [0] + [k + 2 for k in range(1, world)], classes, dim, uniform, 2),
        case('one sample per rank', [1] * world, classes, dim, uniform, 3))
    head = ShardedVirtualSoftmax(dim, classes).double()
    X, y = torch.randn(3, dim, dtype=torch.float64), torch.zeros(3, dtype=torch.long)
    bad_y = torch.tensor([0, classes, 1]) if rank == world - 1 else y                # only the last rank is wrong
    expect_error('label out of range on one rank', lambda: head(X, bad_y), f'outside [0, {classes})')
    bad_X = X[:, :dim - 1] if rank == 0 else X
    expect_error('feature width wrong on one rank', lambda: head(bad_X, y), 'feature dimension mismatch')
    expect_error('float64 features into a float32 shard', lambda: ShardedVirtualSoftmax(dim, classes)(X, y), 'torch.float64')
    try: ShardedVirtualSoftmax(dim, classes + 1)
    except ValueError as e: assert 'not divisible' in str(e)
    else: raise AssertionError('C not divisible by the world size was accepted')
    print(f"rank {rank} of {world}: loss, anchor and feature gradients match VirtualSoftmax (max error {worst:.1e}); "
          f"predict, to_full and the bad-input errors behave", flush=True)
    dist.destroy_process_group()


if __name__ == '__main__':
    torch.set_num_threads(1)
    main()
