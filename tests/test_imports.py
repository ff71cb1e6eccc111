"Every module of the installed package imports: a missing dependency fails here, with the module's name."
import importlib, pkgutil
import pytest
import virtual_softmax

MODULES = sorted(m.name for m in pkgutil.iter_modules(virtual_softmax.__path__, 'virtual_softmax.'))

def test_package_has_modules():
    assert {'virtual_softmax.losses', 'virtual_softmax.train', 'virtual_softmax.cli'} <= set(MODULES)

@pytest.mark.parametrize('name', MODULES)
def test_import(name):
    importlib.import_module(name)

def test_declared_requirements_cover_imports():
    "Third-party modules the package imports (even lazily) are named in settings.ini's requirements."
    import ast, configparser, pathlib, sys
    root = pathlib.Path(virtual_softmax.__file__).parent
    cfg = configparser.ConfigParser(); cfg.read(root.parent / 'settings.ini')
    declared = {r.split('>')[0].split('<')[0].split('=')[0].strip().lower()   # required, or an optional extra's (pml)
                for r in (cfg['DEFAULT']['requirements'] + ' ' + cfg['DEFAULT'].get('pml_requirements', '')).split()}
    aliases = {'pil': 'pillow', 'sklearn': 'scikit-learn', 'pytorch_metric_learning': 'pytorch-metric-learning'}
    used = set()
    for path in root.glob('*.py'):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import): used |= {a.name.split('.')[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module: used.add(node.module.split('.')[0])
    third_party = {aliases.get(m.lower(), m.lower()) for m in used if m not in sys.stdlib_module_names and m != 'virtual_softmax'}
    assert third_party <= declared, f"imported but not declared in settings.ini: {sorted(third_party - declared)}"


def package_imports() -> dict:
    "module -> the package's modules it imports, read from the source: top-level and lazy (inside functions) imports alike."
    import ast, pathlib
    root = pathlib.Path(virtual_softmax.__file__).parent
    graph = {}
    for path in root.glob('*.py'):
        name, found = path.stem, set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ''
                if node.level == 1: found.add(module.split('.')[0] or None)
                elif module.startswith('virtual_softmax.'): found.add(module.split('.')[1])
                elif module == 'virtual_softmax': found |= {a.name for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name.split('.')[1] for a in node.names if a.name.startswith('virtual_softmax.')}
        graph[name] = {m for m in found if m and m != name and (root / f'{m}.py').exists()}
    return graph


def test_no_import_cycle():
    graph = package_imports()
    assert graph['train'] >= {'data', 'results'} and 'train' in graph['cli']      # the reader sees real edges
    state, cycle = {}, []
    def visit(node, path):
        state[node] = 'open'
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 'open': cycle.append(path + [nxt]); return
            if nxt not in state: visit(nxt, path + [nxt])
            if cycle: return
        state[node] = 'done'
    for module in sorted(graph):
        if module not in state and not cycle: visit(module, [module])
    assert not cycle, f"import cycle: {' -> '.join(cycle[0])}"


def test_one_training_loop():
    "Every SGD step of the package is the Learner's (notebook 11g): no other module calls an optimiser's or a scheduler's `step`."
    import ast, pathlib
    root = pathlib.Path(virtual_softmax.__file__).parent
    steps = {path.stem for path in root.glob('*.py') for node in ast.walk(ast.parse(path.read_text()))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == 'step' and not node.args}
    assert steps == {'learner'}, steps


def test_train_module_is_small():
    "The trainer is split by idea (config, machine, assembly, checkpoints, learner, train): no part of it grows past 250 lines."
    import pathlib
    root = pathlib.Path(virtual_softmax.__file__).parent
    sizes = {m: len((root / f'{m}.py').read_text().splitlines()) for m in ('config', 'machine', 'assembly', 'checkpoints', 'learner', 'train')}
    assert max(sizes.values()) < 250, sizes


def test_exported_cells_are_shown():
    "Right under each exported cell of the trainer's, the data readers' and the CLI's notebooks, a cell shows or checks it."
    import json, pathlib
    nbs = pathlib.Path(virtual_softmax.__file__).parent.parent / 'nbs'
    for name in ('11_data', '11c_config', '11d_machine', '11e_assembly', '11f_checkpoints', '11g_learner', '11h_compiling', '12_train', '12b_traffic', '15_cli'):
        code = [''.join(c['source']) for c in json.loads((nbs / f'{name}.ipynb').read_text())['cells'] if c['cell_type'] == 'code']
        unshown = [src.splitlines()[1][:60] for src, nxt in zip(code, code[1:] + ['']) if src.startswith('#| export')
                   and (nxt.startswith('#| export') or nxt.startswith('#| hide\nimport nbdev') or not nxt)]
        assert not unshown, (name, unshown)
