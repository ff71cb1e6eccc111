"""The trainer's optional paths on the CPU, where CI can run them: bf16 autocast (`amp`), channels_last and
torch.compile, alone and together. Each must give a finite loss that agrees with eager fp32 within a stated
tolerance, and checkpoint + resume must give exactly the weights of an uninterrupted run."""
import dataclasses, math
import pytest, torch
from virtual_softmax.standins import write_standin
from virtual_softmax.config import TrainConfig
from virtual_softmax.train import train

ITS = 6
# tolerance on the per-step training loss against eager fp32, same init and batches, lr 1e-4 so that the runs stay
# close (a larger lr amplifies rounding differences chaotically): fp32 paths differ only by
# summation order; bf16 rounds activations to 8 bits of mantissa
TOL = {'eager': 0, 'channels_last': 1e-3, 'compile': 1e-3, 'amp': 5e-2, 'all': 5e-2}
# the first step sees identical weights and batch: only the arithmetic differs, so fp32 paths must agree closely
TOL_FIRST = {'eager': 0, 'channels_last': 1e-5, 'compile': 1e-5, 'amp': 1e-2, 'all': 1e-2}
VARIANTS = {'eager': {}, 'channels_last': dict(channels_last=True), 'compile': dict(compile=True),
            'amp': dict(amp=True), 'all': dict(amp=True, channels_last=True, compile=True)}


@pytest.fixture(scope='module')
def data(tmp_path_factory):
    return write_standin('mnist', tmp_path_factory.mktemp('data'), n_train=256, n_test=32)


def _config(data, out, **kw):
    base = dict(dataset='mnist', loss='virtual_softmax', iterations=ITS, milestones=(4,), lr=1e-4, batch_size=16,
                ckpt_every=1, eval_every=ITS, data=str(data), out=str(out), device='cpu', amp=False, channels_last=False)
    return TrainConfig(**{**base, **kw})


def _losses(record): return [l for _, l in record['train_loss']]


@pytest.fixture(scope='module')
def eager(data, tmp_path_factory):
    return _losses(train(_config(data, tmp_path_factory.mktemp('eager')), progress=False))


@pytest.mark.parametrize('variant', list(VARIANTS))
def test_variant_agrees_with_eager(variant, data, eager, tmp_path):
    losses = _losses(train(_config(data, tmp_path, **VARIANTS[variant]), progress=False))
    assert len(losses) == ITS and all(math.isfinite(l) for l in losses)
    assert abs(losses[0] - eager[0]) <= TOL_FIRST[variant] * abs(eager[0]), (variant, losses[0], eager[0])
    for ours, ref in zip(losses, eager):
        assert abs(ours - ref) <= TOL[variant] * abs(ref) + 1e-7, (variant, losses, eager)


@pytest.mark.parametrize('variant', ['amp', 'all'])
def test_resume_is_exact(variant, data, tmp_path):
    cfg = _config(data, tmp_path / 'straight', **VARIANTS[variant])
    straight = train(cfg, progress=False, keep_model=True)['model'].state_dict()
    split = dataclasses.replace(cfg, out=str(tmp_path / 'split'))
    train(split, progress=False, stop_after=ITS // 2)
    resumed = train(split, resume=True, progress=False, keep_model=True)['model'].state_dict()
    for name in straight:
        assert torch.equal(straight[name], resumed[name]), name
