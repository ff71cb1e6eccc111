"No orphaned results: every record in the committed results store matches the key its own stored config gives today."
import json
from pathlib import Path
import pytest
from virtual_softmax.config import TrainConfig
from virtual_softmax.results import read_results

STORE = Path(__file__).parents[1] / 'results' / 'results.jsonl'
RECORDS = read_results(STORE)


@pytest.mark.parametrize('record', RECORDS, ids=[r['key'] for r in RECORDS])
def test_record_key_recomputes(record):
    config = TrainConfig.from_dict(record['config'])   # read_results gives today's field names; the key is the stored one
    assert config.key() == record['key']


def test_store_has_no_duplicate_keys():
    keys = [r['key'] for r in RECORDS]
    assert len(keys) == len(set(keys))


def test_store_holds_only_current_recipe():
    # recipe-1 records (no feature layer / `anchor_init` fields) live in results/archive_recipe1.jsonl, never in the live store
    assert all('feature_layer' in r['config'] and 'anchor_init' in r['config'] for r in RECORDS)
    archive = read_results(STORE.with_name('archive_recipe1.jsonl'))
    assert archive and not any('feature_layer' in r['config'] for r in archive)


def test_jpeg_copy_is_archived():
    # the retired lossy CIFAR-10 copy's runs live in results/archive_cifar10_jpeg.jsonl only (notebook 11)
    assert not any(r['config']['dataset'] == 'cifar10_jpeg' for r in RECORDS)
    archive = read_results(STORE.with_name('archive_cifar10_jpeg.jsonl'))
    assert archive and all(r['config']['dataset'] == 'cifar10_jpeg' for r in archive)
