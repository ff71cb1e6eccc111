"Checkpoints are read with weights_only=True everywhere: a file from elsewhere cannot run code (train.read_checkpoint)."
from pathlib import Path

ROOT = Path(__file__).parents[1]

def test_no_unsafe_checkpoint_load():
    # the one path that unpickles anything is read_checkpoint(path, trusted_legacy=True), documented in notebook 12;
    # no file of the project asks torch.load for it directly
    files = [p for d in ('virtual_softmax', 'nbs', 'tests', 'scripts') for p in (ROOT / d).rglob('*') if p.suffix in ('.py', '.ipynb', '.sh')]
    assert files
    unsafe = [str(p.relative_to(ROOT)) for p in files if 'weights_only=' + 'False' in p.read_text()]
    assert unsafe == [], f"an unsafe torch.load in {unsafe}: use train.read_checkpoint"
