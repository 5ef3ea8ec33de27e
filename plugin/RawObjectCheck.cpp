// RawObjectCheck.cpp — [autorc-free] a managed object taken from the C
// allocator: `struct node *n = malloc(sizeof *n);`, `calloc(n, sizeof *a)`
// for an array of managed structs, realloc/aligned_alloc likewise.
//
// Every managed object has a header in front of it (the count, the type;
// runtime/src/object.c) that only rc_new makes. A malloc'd block has none:
// the first retain the plugin inserts (`n` stored, passed on, returned)
// increments malloc's own chunk header and the release at scope exit
// decrements it — heap corruption, with no message in pool or debug mode
// (a new user's first habit: allocate with malloc, add RC_MANAGED). The
// allocator is named by the C library's functions (not the runtime's API,
// which is read from annotations).
#include "Checks.h"
#include <set>

using namespace clang;

namespace autorc {

namespace {

bool isRawAllocator(const FunctionDecl *F) {
  if (!F)
    return false;
  llvm::StringRef N = F->getName();
  return N == "malloc" || N == "calloc" || N == "realloc" || N == "reallocarray" ||
         N == "aligned_alloc" || N == "memalign" || N == "valloc" || N == "pvalloc" ||
         N == "__builtin_malloc" || N == "__builtin_calloc" || N == "__builtin_realloc";
}

class RawObjectCheck : public UserCodeVisitor<RawObjectCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  // The allocator's void * result converted (implicitly or by a cast) to a
  // managed pointer.
  bool VisitCastExpr(CastExpr *CE) {
    const auto *C = dyn_cast<CallExpr>(CE->getSubExpr()->IgnoreParenCasts());
    if (!C || !isRawAllocator(C->getDirectCallee()) || !MT.isManagedPtr(CE->getType()) ||
        reallocOfObject(C) || !Seen.insert(C).second)
      return true;
    QualType Obj = CE->getType()->getPointeeType().getUnqualifiedType();
    D.report(C->getBeginLoc(), diag::RawObjectAlloc,
             {C->getDirectCallee()->getName().str(), MT.typeSpelling(Obj)});
    return true;
  }

private:
  // realloc(n, ...) of a managed pointer is already an error (MemoryCheck):
  // one diagnostic per construct.
  bool reallocOfObject(const CallExpr *C) const {
    return C->getNumArgs() > 1 && C->getDirectCallee()->getName().contains("realloc") &&
           MT.isManagedPtr(C->getArg(0)->IgnoreParenCasts()->getType());
  }

  std::set<const CallExpr *> Seen;
};

} // namespace

void runRawObjectCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  RawObjectCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
