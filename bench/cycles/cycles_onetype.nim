# bench/cycles with one node type (next, prev, left, right, val), as
# cycles_onetype.c; build with
#   nim c -d:release --mm:orc cycles_onetype.nim
import std/[monotimes, times, os, strutils]

type
  Node = ref object
    next, prev, left, right: Node
    val: int

proc makeTree(depth: int): Node =
  result = Node(val: depth)
  if depth > 0:
    result.left = makeTree(depth - 1)
    result.right = makeTree(depth - 1)

proc checkTree(t: Node): int =
  if t.left == nil: 1 else: 1 + checkTree(t.left) + checkTree(t.right)

proc makeRing(n: int, seed: int): int =
  let head = Node(val: seed)
  var tail = head
  for i in 1 ..< n:
    let nd = Node(val: seed + i)
    nd.prev = tail
    tail.next = nd
    tail = nd
  tail.next = head
  head.prev = tail
  result = head.val + head.prev.val + head.next.val

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
