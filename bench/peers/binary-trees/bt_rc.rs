// binary-trees with Rc (single thread).
use std::rc::Rc;
struct Node { left: Option<Rc<Node>>, right: Option<Rc<Node>> }
fn make(d: i32) -> Rc<Node> {
    if d > 0 { Rc::new(Node { left: Some(make(d - 1)), right: Some(make(d - 1)) }) }
    else { Rc::new(Node { left: None, right: None }) }
}
fn check(n: &Rc<Node>) -> i64 {
    1 + match (&n.left, &n.right) { (Some(l), Some(r)) => check(l) + check(r), _ => 0 }
}
fn main() {
    let n: i32 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10);
    let min = 4; let max = if n > min + 2 { n } else { min + 2 };
    { let s = make(max + 1); println!("stretch tree of depth {}\t check: {}", max + 1, check(&s)); }
    let longlived = make(max);
    let mut d = min;
    while d <= max {
        let iters: i64 = 1 << (max - d + min); let mut sum = 0;
        for _ in 0..iters { sum += check(&make(d)); }
        println!("{}\t trees of depth {}\t check: {}", iters, d, sum);
        d += 2;
    }
    println!("long lived tree of depth {}\t check: {}", max, check(&longlived));
}
