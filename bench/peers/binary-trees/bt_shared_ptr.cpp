// binary-trees with std::shared_ptr (single thread).
#include <cstdio>
#include <cstdlib>
#include <memory>
struct Node { std::shared_ptr<Node> left, right; };
static std::shared_ptr<Node> make(int d) {
    auto n = std::make_shared<Node>();
    if (d > 0) { n->left = make(d - 1); n->right = make(d - 1); }
    return n;
}
static long check(const std::shared_ptr<Node> &n) { return 1 + (n->left ? check(n->left) + check(n->right) : 0); }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10, min = 4, max = n > min + 2 ? n : min + 2;
    { auto s = make(max + 1); printf("stretch tree of depth %d\t check: %ld\n", max + 1, check(s)); }
    auto longlived = make(max);
    for (int d = min; d <= max; d += 2) {
        long iters = 1L << (max - d + min), sum = 0;
        for (long i = 0; i < iters; i++) sum += check(make(d));
        printf("%ld\t trees of depth %d\t check: %ld\n", iters, d, sum);
    }
    printf("long lived tree of depth %d\t check: %ld\n", max, check(longlived));
}
