# binary-trees in CPython (tuples, as the benchmarks game's Python version).
import sys
def make(d):
    return (make(d - 1), make(d - 1)) if d > 0 else (None, None)
def check(n):
    l, r = n
    return 1 if l is None else 1 + check(l) + check(r)
def main(n):
    mn = 4; mx = max(mn + 2, n)
    print(f"stretch tree of depth {mx + 1}\t check: {check(make(mx + 1))}")
    longlived = make(mx)
    for d in range(mn, mx + 1, 2):
        iters = 1 << (mx - d + mn)
        s = 0
        for _ in range(iters):
            s += check(make(d))
        print(f"{iters}\t trees of depth {d}\t check: {s}")
    print(f"long lived tree of depth {mx}\t check: {check(longlived)}")
main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
