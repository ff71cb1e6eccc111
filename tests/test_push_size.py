"scripts/push_size.py against sizes known by construction: a commit series in a scratch repository."
import os, subprocess, sys
from pathlib import Path

SCRIPT = Path(__file__).parents[1] / 'scripts' / 'push_size.py'

def git(repo, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME='t', GIT_AUTHOR_EMAIL='t@t', GIT_COMMITTER_NAME='t', GIT_COMMITTER_EMAIL='t@t')
    return subprocess.run(['git', '-C', str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout

def used_mib(repo) -> float:
    return float(subprocess.run([sys.executable, str(SCRIPT)], cwd=repo, check=True, capture_output=True, text=True).stdout)

def test_counts_added_replaced_and_deleted_files(tmp_path):
    mib = 2**20
    git(tmp_path, 'init', '-q', '-b', 'main')
    (tmp_path / 'old.bin').write_bytes(os.urandom(3 * mib)); git(tmp_path, 'add', '-A'); git(tmp_path, 'commit', '-qm', 'landed')
    assert used_mib(tmp_path) == 0                                # the checkout's base: nothing used yet
    (tmp_path / 'new.bin').write_bytes(os.urandom(2 * mib)); git(tmp_path, 'add', '-A')
    assert used_mib(tmp_path) == 2.0                              # staged, not committed: counted
    git(tmp_path, 'commit', '-qm', 'add')
    (tmp_path / 'new.bin').write_bytes(os.urandom(1 * mib)); git(tmp_path, 'commit', '-qam', 'replace')
    assert used_mib(tmp_path) == 2.0 + (2.0 + 1.0)               # a replaced file by both sizes
    git(tmp_path, 'rm', '-q', 'old.bin'); git(tmp_path, 'commit', '-qm', 'delete a landed file')
    assert used_mib(tmp_path) == 5.0 + 3.0
    git(tmp_path, 'commit', '-q', '--amend', '-m', 'amended: the history holds it once')
    assert used_mib(tmp_path) == 8.0

def test_counts_from_the_base_the_last_stop_recorded(tmp_path):
    mib = 2**20
    git(tmp_path, 'init', '-q', '-b', 'main')
    (tmp_path / 'a.bin').write_bytes(os.urandom(1 * mib)); git(tmp_path, 'add', '-A'); git(tmp_path, 'commit', '-qm', 'first state')
    (tmp_path / 'b.bin').write_bytes(os.urandom(4 * mib)); git(tmp_path, 'add', '-A'); git(tmp_path, 'commit', '-qm', 'pushed at the last stop')
    marker = tmp_path / '.git' / 'push-base'
    assert used_mib(tmp_path) == 4.0                              # no marker: from main's first reflog entry
    marker.write_text(git(tmp_path, 'rev-parse', 'HEAD'))          # what stop_campaign.sh records
    assert used_mib(tmp_path) == 0
    (tmp_path / 'c.bin').write_bytes(os.urandom(2 * mib)); git(tmp_path, 'add', '-A'); git(tmp_path, 'commit', '-qm', 'after it')
    assert used_mib(tmp_path) == 2.0
    marker.write_text('0' * 39 + '1\n')                            # not a commit of this history: back to the reflog's base
    assert used_mib(tmp_path) == 6.0
