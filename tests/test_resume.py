"A run killed with SIGKILL mid-way and resumed must end with exactly the weights of an uninterrupted run."
import os, signal, subprocess, sys, time
from pathlib import Path
import torch
from virtual_softmax.standins import write_standin
from virtual_softmax.results import read_results

ITERATIONS, CKPT_EVERY = 40, 5


def _cmd(data, out, *extra):
    return [sys.executable, '-m', 'virtual_softmax.cli', 'train', '--dataset', 'mnist', '--loss', 'noisy_softmax',
            '--data', str(data), '--out', str(out), '--iterations', str(ITERATIONS), '--milestones', '20', '30',
            '--batch-size', '16', '--ckpt-every', str(CKPT_EVERY), '--eval-every', '20', '--max-test', '16',
            '--device', 'cpu', '--no-progress', *extra]


def _final_weights(out):
    (ckpt,) = Path(out).glob('*/checkpoint.pt')
    state = torch.load(ckpt, weights_only=True)
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
    stopped_at = torch.load(ckpt, weights_only=True)['iteration']
    assert stopped_at < ITERATIONS, "the run finished before it could be killed"
    assert read_results(killed / 'results.jsonl') == []          # a killed run leaves no record

    subprocess.run(_cmd(data, killed, '--resume'), check=True, env=env, capture_output=True, timeout=600)
    straight, resumed = _final_weights(tmp_path / 'straight'), _final_weights(killed)
    for name in straight:
        assert torch.equal(straight[name], resumed[name]), name
    (record,) = read_results(killed / 'results.jsonl')
    assert record['resumed_from'] == stopped_at


def _compare_cmd(data, out):
    return [sys.executable, '-m', 'virtual_softmax.cli', 'compare', '--dataset', 'mnist', '--data', str(data),
            '--out', str(out), '--iterations', '300', '--milestones', '200', '--batch-size', '16', '--eval-every', '150',
            '--max-test', '16', '--device', 'cpu', '--no-progress']


def test_sigint_saves_prints_one_line_and_resumes_exactly(tmp_path):
    # issue 22: Ctrl-C during `compare` checkpoints the run at the current iteration, says so in one line, exits 130;
    # the same command then finishes with the numbers of a run never interrupted
    data = write_standin('mnist', tmp_path / 'data', n_train=256, n_test=16)
    env = {**os.environ, 'OMP_NUM_THREADS': '1'}
    subprocess.run(_compare_cmd(data, tmp_path / 'straight'), check=True, env=env, capture_output=True, timeout=600)
    cut = tmp_path / 'cut'
    proc = subprocess.Popen(_compare_cmd(data, cut), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 300
    while not list(cut.glob('*-softmax-*')) and time.time() < deadline: time.sleep(0.02)
    time.sleep(1.0)                                              # into the first run's training steps
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and 'Traceback' not in err, err
    assert lines[0].startswith('vsoftmax: interrupted at iteration ') and lines[0].endswith('the same command resumes it'), err
    (ckpt,) = cut.glob('*-softmax-*/checkpoint.pt')
    stopped_at = torch.load(ckpt, weights_only=True)['iteration']
    assert 0 < stopped_at < 300 and str(stopped_at) in lines[0]
    resumed = subprocess.run(_compare_cmd(data, cut), check=True, env=env, capture_output=True, text=True, timeout=600)
    assert f'at iteration {stopped_at} of 300' in resumed.stdout       # it says where it resumed
    key = lambda r: (r['config']['loss'], r['test_error'], r['curve'])
    assert sorted(map(key, read_results(cut / 'results.jsonl'))) == sorted(map(key, read_results(tmp_path / 'straight' / 'results.jsonl')))
    for loss in ('softmax', 'virtual_softmax'):
        (a,), (b,) = (list(Path(o).glob(f'*-{loss}-s0-*/checkpoint.pt')) for o in (tmp_path / 'straight', cut))
        wa, wb = torch.load(a, weights_only=True)['model'], torch.load(b, weights_only=True)['model']
        assert all(torch.equal(wa[k], wb[k]) for k in wa), loss
