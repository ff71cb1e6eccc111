"""Reads `nbdev_test --do_print` output on stdin, echoes it with a running count, and closes with a pass count.
Exits 1 when a notebook failed, so the count cannot hide a failure even without `set -o pipefail`.
Usage: nbdev_test --do_print 2>&1 | python tests/nbdev_summary.py"""
import re, sys, time

start, started, completed, failed, in_failures = time.time(), 0, 0, [], False
# lines the CUDA build of torch prints on a machine without a GPU: noise, not test output
noise = re.compile(r'gpuGetDeviceCount failed|USDT|No CUDA runtime is found|cpp_extension\.py')
for line in sys.stdin:
    if noise.search(line): continue
    if line.startswith('Starting '): started += 1
    elif line.startswith('- Completed '):
        completed += 1
        line = f"{line.rstrip()}  [{completed} done, {time.time() - start:.0f} s]\n"
    elif line.startswith('nbdev Tests Failed On The Following Notebooks'): in_failures = True
    elif in_failures and line.strip().endswith('.ipynb'): failed.append(line.strip())
    sys.stdout.write(line); sys.stdout.flush()
ok = not failed and completed > 0
print(f"notebooks: {completed - len(failed)} passed, {len(failed)} failed")
sys.exit(0 if ok else 1)
