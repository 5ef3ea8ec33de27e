"""bench/dict: CPython's dict, the operations of dict_autorc.c.
bytes_per_entry: sys.getsizeof of the dict of N string keys / N."""
import sys
import time


def shuffled(n, seed):
    """dict_autorc.c's permutation (Fisher-Yates, 64-bit LCG)."""
    p = list(range(n))
    m = (1 << 64) - 1
    for i in range(n - 1, 0, -1):
        seed = (seed * 6364136223846793005 + 1442695040888963407) & m
        j = (seed >> 33) % (i + 1)
        p[i], p[j] = p[j], p[i]
    return p


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    pk, pp = shuffled(n, 1), shuffled(n, 2)
    keys = ['key-%d' % i for i in pk]
    probe = ['key-%d' % i for i in pp]
    miss = ['absent-%d' % i for i in pp]
    objs = [object() for _ in range(n)]
    val = object()
    total = 0
    now = time.process_time  # CPU time: the machine may be shared
    t = now()
    d = {}
    for k in keys:
        d[k] = val
    print('str_insert %.6f' % (now() - t))
    size = sys.getsizeof(d)
    t = now()
    for k in probe:
        total += d.get(k) is val
    print('str_hit %.6f' % (now() - t))
    t = now()
    for k in miss:
        total += d.get(k) is None
    print('str_miss %.6f' % (now() - t))
    half = probe[::2]
    t = now()
    for k in half:
        del d[k]
        total += 1
    print('str_del %.6f' % (now() - t))
    t = now()
    for k, v in d.items():
        total += v is val
    print('iter %.6f' % (now() - t))
    o = {}
    t = now()
    for k in objs:
        o[k] = val
    print('obj_insert %.6f' % (now() - t))
    t = now()
    for k in objs:
        total += o.get(k) is val
    print('obj_hit %.6f' % (now() - t))
    print('bytes_per_entry %.1f' % (size / n))
    print('checksum %d' % total)


main()
