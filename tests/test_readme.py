"README.md is generated from nbs/index.ipynb and holds the two commands .ci/run relies on."
import subprocess, sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_readme_matches_index_notebook():
    sys.path.insert(0, str(ROOT / 'scripts'))
    import make_readme
    assert (ROOT / 'README.md').read_text() == make_readme.render(str(ROOT / 'nbs' / 'index.ipynb'))


def test_readme_has_main_and_test_commands():
    text = (ROOT / 'README.md').read_text()
    for marker in ('main-command', 'test-command'):
        block = text.split(f'<!-- {marker} -->')[1].split(f'<!-- /{marker} -->')[0]
        assert block.count('```sh') == 1 and 'pip install' in block, marker


def test_readme_shows_no_notebook_machinery():
    "The index's table and ledger code must stay hidden (`#| echo: false`): README shows results, not helpers."
    text = (ROOT / 'README.md').read_text()
    blocks = [b.split('```')[0] for b in text.split('```python')[1:]]
    leaked = [b.strip().splitlines()[0] for b in blocks if 'def ' in b or 'import json' in b]
    assert not leaked, f"code cells of nbs/index.ipynb leak into README: {leaked}"


def test_readme_states_the_measured_times():
    "README's times are those in results/timings.json (scripts/measure_timings.py): a re-measure must reach README."
    import json
    store = ROOT / 'results' / 'timings.json'
    text = ' '.join((ROOT / 'README.md').read_text().split())
    if not store.exists():
        assert 'Not measured yet' in text; return
    t = json.loads(store.read_text())
    if 'main_command' in t:
        m = t['main_command']
        assert f"training and testing {m['run']['wall_s']:.0f} s ({m['run']['cpu_s']:.0f} s of CPU time)" in text
        assert m['cpu'] in text
    if 'fresh_install' in t:
        assert f"{t['fresh_install']['install']['wall_s']:.0f} s and {t['fresh_install']['venv_gb']:.1f} GB on disk" in text
    if 'test_command' in t:
        assert f"took {t['test_command']['run']['wall_s'] / 60:.1f} min" in text


def test_readme_answers_first():
    "README opens with what the reproduction found, and its tables start within 150 lines (install, use and commands above them)."
    lines = (ROOT / "README.md").read_text().splitlines()
    headings = [l for l in lines if l.startswith('## ')]
    assert headings[0] == '## What we found', headings[:2]
    first_table = next(i for i, l in enumerate(lines) if l.startswith('| experiment |'))
    assert first_table < 150, first_table
