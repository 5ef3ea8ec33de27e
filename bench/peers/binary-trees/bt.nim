# binary-trees with ref objects (compile with --mm:arc or --mm:orc).
import os, strutils
type Node = ref object
  left, right: Node
proc make(d: int): Node =
  if d > 0: Node(left: make(d - 1), right: make(d - 1)) else: Node()
proc check(n: Node): int =
  result = 1
  if n.left != nil: result += check(n.left) + check(n.right)
let n = if paramCount() > 0: parseInt(paramStr(1)) else: 10
let minD = 4
let maxD = max(minD + 2, n)
block:
  let s = make(maxD + 1)
  echo "stretch tree of depth ", maxD + 1, "\t check: ", check(s)
let longlived = make(maxD)
var d = minD
while d <= maxD:
  let iters = 1 shl (maxD - d + minD)
  var sum = 0
  for i in 0 ..< iters: sum += check(make(d))
  echo iters, "\t trees of depth ", d, "\t check: ", sum
  d += 2
echo "long lived tree of depth ", maxD, "\t check: ", check(longlived)
