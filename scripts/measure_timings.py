"""Re-measure the times README states, so that they cannot go stale: README's numbers are read from the file this
writes (`results/timings.json`), and tests/test_readme.py checks that README says what the file holds.

    python scripts/measure_timings.py [--data ../shared/data] [--fresh-install] [--tests]

- always: README's main command on this machine, packages already installed: `pip install -e .` (a no-op install) and
  then `vsoftmax compare ...` into a fresh output folder (wall and CPU seconds);
- --fresh-install: `pip install -e .` into a new virtual environment, as a newcomer's first run does (wall seconds,
  and the environment's size on disk);
- --tests: README's test command (wall seconds).
Run it on an idle machine: pause a campaign's workers first (kill -STOP, then kill -CONT), since two busy cores halve
every number. Each measure replaces only its own entry in the file."""
import argparse, json, os, re, resource, shutil, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / 'results' / 'timings.json'


def readme_block(marker: str) -> str:
    "The shell command between README's <!-- marker --> comments."
    text = (ROOT / 'README.md').read_text()
    block = text.split(f'<!-- {marker} -->')[1].split(f'<!-- /{marker} -->')[0]
    return re.search(r'```sh\n(.*?)\n```', block, re.S).group(1)


def timed(cmd: str, cwd=ROOT, env=None) -> dict:
    "Wall and CPU seconds (children's user + system) of one shell command, which must succeed."
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, shell=True, check=True, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return dict(wall_s=round(wall, 1), cpu_s=round(cpu, 1))


def cpu_name() -> str:
    sys.path.insert(0, str(ROOT))
    from virtual_softmax.machine import cpu_name as name
    return name()


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', default=str(ROOT.parent / 'shared' / 'data'))
    p.add_argument('--fresh-install', action='store_true')
    p.add_argument('--skip-main', action='store_true', help="leave the main command's entry as it is")
    p.add_argument('--tests', action='store_true')
    p.add_argument('--note', default='idle', help="the machine's state during the measure, said beside the number (default: idle)")
    args = p.parse_args()
    store = json.loads(STORE.read_text()) if STORE.exists() else {}
    machine = dict(cpu=cpu_name(), cores=os.cpu_count(), date=time.strftime('%Y-%m-%d'), note=args.note)
    if not args.skip_main:
        install, run = readme_block('main-command').split(' && ', 1)
        with tempfile.TemporaryDirectory() as out:
            run = run.replace('../shared/data', args.data) + f' --out {out} --no-progress'
            store['main_command'] = dict(machine, packages='already installed', install=timed(install), run=timed(run))
    if args.fresh_install:
        with tempfile.TemporaryDirectory() as venv:
            subprocess.run([sys.executable, '-m', 'venv', venv], check=True)
            pip = Path(venv) / 'bin' / 'pip'
            t = timed(f'{pip} install -q -e .')
            size = subprocess.run(['du', '-sb', venv], capture_output=True, text=True, check=True).stdout.split()[0]
            store['fresh_install'] = dict(machine, install=t, venv_gb=round(int(size) / 1e9, 1))
    if args.tests:
        store['test_command'] = dict(machine, run=timed(readme_block('test-command'), env={**os.environ, 'VS_TIER': 'smoke'}))
    STORE.write_text(json.dumps(store, indent=1) + '\n')
    print(json.dumps(store, indent=1))


if __name__ == '__main__':
    main()
