#!/usr/bin/env python
"""How many MiB of diffs the commits since this checkout's base (and what is staged) add up to: a guard that keeps
one push small when runs' checkpoints are carried in git (scripts/campaign/carry.sh). Counted conservatively: an added blob by
its size, a deleted one by its old size, a modified one by both (a file added and later replaced counts twice).
The base is the commit the last stop left (scripts/campaign/stop_campaign.sh records it in .git/push-base), when that
is an ancestor of HEAD; else the commit main started at in this checkout (the first entry of main's reflog), which on a
checkout that has pushed several times overcounts.
    python scripts/push_size.py            # MiB used by base..HEAD and the index
    python scripts/push_size.py --base REV"""
import argparse, subprocess

def git(*args) -> str: return subprocess.run(['git', *args], check=True, capture_output=True, text=True).stdout

def checkout_base() -> str:
    marker = git('rev-parse', '--git-path', 'push-base').strip()
    try: recorded = open(marker).read().strip()
    except FileNotFoundError: recorded = ''
    if recorded and subprocess.run(['git', 'merge-base', '--is-ancestor', recorded, 'HEAD'], stderr=subprocess.DEVNULL).returncode == 0: return recorded
    return git('reflog', 'show', '--format=%H', 'main').split()[-1]

def blob_size(sha:str, cache:dict={}) -> int:
    if set(sha) == {'0'}: return 0
    if sha not in cache: cache[sha] = int(git('cat-file', '-s', sha))
    return cache[sha]

def raw_bytes(raw:str) -> int:
    "Bytes a `git diff --raw` listing counts: old side of deletions and modifications, new side of additions and modifications."
    total = 0
    for line in raw.splitlines():
        if not line.startswith(':'): continue
        _, _, old, new, status = line[1:].split('\t')[0].split()
        total += (blob_size(old) if status[0] in 'DM' else 0) + (blob_size(new) if status[0] in 'AM' else 0)
    return total

def used_bytes(base:str) -> int:
    commits = git('rev-list', '--reverse', f'{base}..HEAD').split()
    return (sum(raw_bytes(git('diff-tree', '-r', '--raw', '--no-renames', '--no-commit-id', '-m', '--first-parent', c)) for c in commits)
            + raw_bytes(git('diff', '--cached', '--raw', '--no-renames')))

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--base', default=None)
    a = p.parse_args()
    print(f"{used_bytes(a.base or checkout_base()) / 2**20:.1f}")
