// ManagedTypes.h — what is a managed pointer, which slots are weak or
// unowned, and the ownership conventions of functions, all read from the
// annotate("autorc_...") attributes that <autorc.h>'s macros produce.
#ifndef AUTORC_PLUGIN_MANAGEDTYPES_H
#define AUTORC_PLUGIN_MANAGEDTYPES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include <map>

namespace autorc {

enum class SlotKind { None, Strong, Weak, Unowned };

class ManagedTypes {
public:
  explicit ManagedTypes(clang::ASTContext &Ctx) : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  static bool hasAnnotation(const clang::Decl *D, llvm::StringRef Name);

  // An RC_MANAGED struct, or one of the runtime's own managed types.
  bool isManagedRecord(const clang::RecordDecl *RD) const;
  // T is (a typedef of) `M *` for a managed M: returns M, else null.
  const clang::RecordDecl *managedPointee(clang::QualType T) const;
  bool isManagedPtr(clang::QualType T) const { return managedPointee(T) != nullptr; }
  // A constant-size array of managed pointers (any dimension); N elements.
  bool isManagedPtrArray(clang::QualType T, uint64_t *N = nullptr) const;
  // Does an object of type T hold managed slots (pointers, arrays of them,
  // structs with such fields, managed structs by value)?
  bool containsManagedSlots(clang::QualType T) const;
  // A plain struct held by value (docs/semantics.md, "Plain structs by
  // value"): T is a struct that is not RC_MANAGED and holds managed slots
  // (fields, arrays, sub-structs, tagged unions); returns its definition.
  const clang::RecordDecl *valueRecord(clang::QualType T) const;
  // A struct whose values the rewrite copies with counting: a plain one
  // (valueRecord) or a managed one assigned by value (`*a = *b`, docs/
  // semantics.md "Managed structs by value"); returns its definition.
  const clang::RecordDecl *copyRecord(clang::QualType T) const;
  // A constant-size array (any dimension) of such structs; N elements.
  const clang::RecordDecl *valueRecordArray(clang::QualType T, uint64_t *N = nullptr) const;
  // The managed struct RD holds by value as its first member (its "base":
  // `struct RC_MANAGED circle { struct shape base; ... }`), else null.
  const clang::RecordDecl *baseOf(const clang::RecordDecl *RD) const;

  // Slot kind of a declared variable or field of managed pointer type.
  SlotKind slotKindOf(const clang::ValueDecl *D) const;
  // Slot kind of an lvalue expression of managed pointer type.
  SlotKind slotKindOf(const clang::Expr *LValue) const;

  bool returnsBorrowed(const clang::FunctionDecl *FD) const;
  bool returnsOwned(const clang::FunctionDecl *FD) const;
  bool isObjectArg(const clang::ParmVarDecl *P) const;
  // E is exactly one expansion of rc_new(T) or rc_new_typed(T, ...): a new object (+1).
  bool isRcNew(const clang::Expr *E) const;

  // Declared in <autorc.h> (the runtime's API)?
  bool isRuntimeDecl(const clang::Decl *D) const;
  bool isRuntimeLoc(clang::SourceLocation L) const;
  // A location whose code must never be rewritten: the toolchain's and
  // libc's headers (SystemPaths.h), <autorc.h>. Headers found through a
  // user's -isystem directory are user code.
  bool isUntouchable(clang::SourceLocation L) const;

  // Spelling of a type for generated code ("struct node", "Node").
  std::string recordSpelling(const clang::RecordDecl *RD) const;
  std::string typeSpelling(clang::QualType T) const;

  clang::ASTContext &context() const { return Ctx; }

private:
  enum : unsigned { ToolchainFile = 1, RuntimeFile = 2 };
  // ToolchainFile | RuntimeFile bits of the file F that file location L is
  // in: classify computes them, fileKind remembers them per file.
  unsigned classify(clang::FileID F, clang::SourceLocation L) const;
  unsigned fileKind(clang::FileID F, clang::SourceLocation L) const;
  unsigned kindAt(clang::SourceLocation FileLoc) const;

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  mutable llvm::DenseMap<clang::FileID, unsigned> FileKinds;
  mutable clang::FileID LastFile;
  mutable unsigned LastKind = 0;
};

} // namespace autorc

#endif
