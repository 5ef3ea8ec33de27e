// AcyclicInference.h — which managed structs can never be part of a
// reference cycle, so their generated descriptors get RC_TYPE_ACYCLIC: the
// collector does not track them (docs/gc.md, "What is tracked"), so a
// release that leaves such an object alive never buffers it as a candidate
// root, and rc_new takes the inline allocation path.
//
// A struct T is proven acyclic when no chain of strong managed slots that
// starts at T can come back to T. The graph is TypeGraph's (TypeGraph.h,
// shared with the [autorc-cycle] check):
//   - nodes are managed structs, edges the strong slots (fields, fixed
//     arrays, slots of embedded structs; RC_WEAK and RC_UNOWNED are none);
//   - a Container or Opaque edge (a runtime type such as rc_list, which
//     holds objects of any type, or a managed struct incomplete in this
//     translation unit) "can lead anywhere", so every struct from which
//     such an edge is reachable is NOT acyclic;
//   - a struct in a strongly connected component of two or more structs,
//     or with an edge to itself, is on a cycle;
//   - an RC_ACYCLIC struct is a promise that no cycle passes through it, so
//     the search stops there (its own descriptor is acyclic anyway);
//   - a struct reached from itself (a list or tree node: `struct node
//     *next`) is not acyclic unless annotated RC_ACYCLIC.
// Only the definitions visible in this translation unit are used, so the
// answer is conservative per file. Descriptors are weak symbols, one per
// program; two files that see different definitions of a pointee may
// disagree, and the linker keeps one of two sound answers.
#ifndef AUTORC_PLUGIN_ACYCLICINFERENCE_H
#define AUTORC_PLUGIN_ACYCLICINFERENCE_H

#include "ManagedTypes.h"
#include "TypeGraph.h"
#include "clang/AST/Decl.h"
#include <map>
#include <set>
#include <string>

namespace autorc {

class AcyclicInference {
public:
  explicit AcyclicInference(const ManagedTypes &MT) : MT(MT), Graph(MT) {}

  enum class Verdict { Annotated, Inferred, MayCycle };
  // The verdict for a managed struct (canonical declaration or any redecl).
  Verdict verdict(const clang::RecordDecl *RD);
  bool isAcyclic(const clang::RecordDecl *RD) { return verdict(RD) != Verdict::MayCycle; }

  // One line for -fplugin-arg-autorc-stats: the managed structs defined in
  // user code of this translation unit, how many are acyclic (annotated,
  // inferred) and which may be in a cycle.
  std::string summary(clang::TranslationUnitDecl *TU, llvm::StringRef File);

private:
  // Components of the graph reachable from RD: fills Cache for each.
  void solve(const clang::RecordDecl *RD);

  const ManagedTypes &MT;
  TypeGraph Graph;
  std::map<const clang::RecordDecl *, Verdict> Cache;
  std::set<const clang::RecordDecl *> LeadsAnywhere; // reaches a Container or Opaque edge
};

} // namespace autorc

#endif
