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
