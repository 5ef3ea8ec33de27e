"""bench/generators — CPython's generator advanced N times, values summed
(the same program as gen_autorc.c). Prints the sum, and on stderr the
loop's own CPU time (interpreter startup excluded)."""
import sys
import time


def numbers(n):
    for i in range(n):
        yield i


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
    total = 0
    t0 = time.process_time()
    for v in numbers(n):
        total += v
    t1 = time.process_time()
    print(total)
    print('loop-seconds %.6f' % (t1 - t0), file=sys.stderr)


main()
