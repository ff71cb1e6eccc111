"A run killed with SIGKILL mid-way and resumed must end with exactly the weights of an uninterrupted run."
import os, signal, subprocess, sys, time
from pathlib import Path
import torch
from virtual_softmax.data import write_standin
from virtual_softmax.train import read_results

ITERATIONS, CKPT_EVERY = 40, 5


def _cmd(data, out, *extra):
    return [sys.executable, '-m', 'virtual_softmax.cli', 'train', '--dataset', 'mnist', '--loss', 'noisy_softmax',
            '--data', str(data), '--out', str(out), '--iterations', str(ITERATIONS), '--milestones', '20', '30',
            '--batch-size', '16', '--ckpt-every', str(CKPT_EVERY), '--eval-every', '20', '--max-test', '16',
            '--device', 'cpu', '--no-progress', *extra]


def _final_weights(out):
    (ckpt,) = Path(out).glob('*/checkpoint.pt')
    state = torch.load(ckpt, weights_only=False)
    assert state['iteration'] == ITERATIONS
    return state['model']


def test_kill_and_resume_is_exact(tmp_path):
    # noisy_softmax draws from the global RNG every step, so this also checks that the RNG state is restored
    data = write_standin('mnist', tmp_path / 'data', n_train=256, n_test=16)
    env = {**os.environ, 'OMP_NUM_THREADS': '1'}
    subprocess.run(_cmd(data, tmp_path / 'straight'), check=True, env=env, capture_output=True, timeout=600)

    killed = tmp_path / 'killed'
    proc = subprocess.Popen(_cmd(data, killed), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while not list(killed.glob('*/checkpoint.pt')) and time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL); proc.wait()
    (ckpt,) = killed.glob('*/checkpoint.pt')
    stopped_at = torch.load(ckpt, weights_only=False)['iteration']
    assert stopped_at < ITERATIONS, "the run finished before it could be killed"
    assert read_results(killed / 'results.jsonl') == []          # a killed run leaves no record

    subprocess.run(_cmd(data, killed, '--resume'), check=True, env=env, capture_output=True, timeout=600)
    straight, resumed = _final_weights(tmp_path / 'straight'), _final_weights(killed)
    for name in straight:
        assert torch.equal(straight[name], resumed[name]), name
    (record,) = read_results(killed / 'results.jsonl')
    assert record['resumed_from'] == stopped_at
