# bench/cycles in Nim: the same tree and rings; build with
#   nim c -d:release --mm:orc cycles.nim
# ORC's cycle collector reclaims the rings (strong next and prev links).
import std/[monotimes, times, os, strutils]

type
  Tree = ref object
    left, right: Tree
    v: int
  Node = ref object
    next, prev: Node
    v: int

proc makeTree(depth: int): Tree =
  result = Tree(v: depth)
  if depth > 0:
    result.left = makeTree(depth - 1)
    result.right = makeTree(depth - 1)

proc checkTree(t: Tree): int =
  if t.left == nil: 1 else: 1 + checkTree(t.left) + checkTree(t.right)

proc makeRing(n: int, seed: int): int =
  let head = Node(v: seed)
  var tail = head
  for i in 1 ..< n:
    let nd = Node(v: seed + i)
    nd.prev = tail
    tail.next = nd
    tail = nd
  tail.next = head
  head.prev = tail
  result = head.v + head.prev.v + head.next.v

proc main() =
  let depth = if paramCount() >= 1: parseInt(paramStr(1)) else: 20
  let nrings = if paramCount() >= 2: parseInt(paramStr(2)) else: 100000
  let ring = if paramCount() >= 3: parseInt(paramStr(3)) else: 100
  let t0 = getMonoTime()
  var tree = makeTree(depth)
  var sum = 0
  for r in 0 ..< nrings:
    sum += makeRing(ring, r)
  sum += checkTree(tree)
  tree = nil
  let t1 = getMonoTime()
  GC_fullCollect()
  echo formatFloat((t1 - t0).inNanoseconds.float / 1e9, ffDecimal, 3), " ", sum, " 0"

main()
