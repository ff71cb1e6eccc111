"""Render README.md from nbs/index.ipynb (nbdev_readme needs Quarto, which these machines lack).
Markdown cells are copied; code cells become ```python blocks with their text outputs; hidden cells are skipped."""
import json, sys
from pathlib import Path

def render(nb_path='nbs/index.ipynb') -> str:
    nb = json.loads(Path(nb_path).read_text())
    parts = []
    for cell in nb['cells']:
        src = ''.join(cell['source'])
        if cell['cell_type'] == 'markdown': parts.append(src); continue
        if src.lstrip().startswith('#| hide') or src.lstrip().startswith('#|hide'): continue
        code = '\n'.join(l for l in src.splitlines() if not l.startswith('#|'))
        block = '' if '#| echo: false' in src else f"```python\n{code}\n```"
        outs = []
        for o in cell.get('outputs', []):
            if o.get('output_type') == 'stream': outs.append(''.join(o['text']))
            elif 'data' in o and 'text/markdown' in o['data']: outs.append(None); parts.append(block); block = ''; parts.append(''.join(o['data']['text/markdown']))
            elif 'data' in o and 'text/plain' in o['data']: outs.append(''.join(o['data']['text/plain']))
        if block: parts.append(block)
        text = ''.join(x for x in outs if x)
        if text.strip(): parts.append(f"```\n{text.rstrip()}\n```")
    return '<!-- generated from nbs/index.ipynb by scripts/make_readme.py: edit the notebook -->\n\n' + '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    Path('README.md').write_text(render())
