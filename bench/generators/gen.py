"""bench/generators — CPython's generator advanced N times, values summed
(the same program as gen_autorc.c)."""
import sys


def numbers(n):
    for i in range(n):
        yield i


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
    total = 0
    for v in numbers(n):
        total += v
    print(total)


main()
