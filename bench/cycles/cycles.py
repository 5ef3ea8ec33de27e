# bench/cycles in CPython: the same tree and rings (gc module defaults).
import sys, time, gc

class Tree:
    __slots__ = ('left', 'right', 'v')
    def __init__(self, v):
        self.left = self.right = None
        self.v = v

class Node:
    __slots__ = ('next', 'prev', 'v')
    def __init__(self, v):
        self.next = self.prev = None
        self.v = v

def make_tree(depth):
    t = Tree(depth)
    if depth > 0:
        t.left = make_tree(depth - 1)
        t.right = make_tree(depth - 1)
    return t

def check_tree(t):
    return 1 if t.left is None else 1 + check_tree(t.left) + check_tree(t.right)

def make_ring(n, seed):
    head = Node(seed)
    tail = head
    for i in range(1, n):
        nd = Node(seed + i)
        nd.prev = tail
        tail.next = nd
        tail = nd
    tail.next = head
    head.prev = tail
    return head.v + head.prev.v + head.next.v

def main():
    depth = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    nrings = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    ring = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    t0 = time.perf_counter()
    tree = make_tree(depth)
    s = 0
    for r in range(nrings):
        s += make_ring(ring, r)
    s += check_tree(tree)
    del tree
    t1 = time.perf_counter()
    gc.collect()
    print("%.3f %d 0" % (t1 - t0, s))

main()
