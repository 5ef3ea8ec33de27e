// ManagedTypes.cpp — see ManagedTypes.h.
#include "ManagedTypes.h"
#include "Compat.h"
#include "SystemPaths.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Type.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace autorc {

bool ManagedTypes::hasAnnotation(const Decl *D, llvm::StringRef Name) {
  if (!D)
    return false;
  for (const Decl *R : D->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == Name)
        return true;
  return false;
}

// Every check asks of each declaration and statement it visits whether it
// is the user's: classify each file once (a compile sees a few hundred
// locations per file of the toolchain's headers, ten thousands in all).
// Files with line markers (`# 1 "x.h" 3` in a .i) may change kind inside:
// those are classified location by location, as clang does.
unsigned ManagedTypes::classify(FileID F, SourceLocation L) const {
  std::string Name = compat::fileName(SM, F);
  unsigned Kind = 0;
  if (compat::endsWith(Name, "/autorc.h") || Name == "autorc.h")
    Kind |= RuntimeFile;
  if (SM.isInSystemHeader(L) && isToolchainHeaderPath(Name))
    Kind |= ToolchainFile;
  return Kind;
}

unsigned ManagedTypes::fileKind(FileID F, SourceLocation L) const {
  if (F == LastFile)
    return LastKind;
  const SrcMgr::SLocEntry &E = SM.getSLocEntry(F);
  if (!E.isFile())
    return 0;
  if (E.getFile().hasLineDirectives())
    return classify(F, L);
  auto [It, New] = FileKinds.try_emplace(F, 0);
  if (New)
    It->second = classify(F, L);
  LastFile = F;
  LastKind = It->second;
  return LastKind;
}

unsigned ManagedTypes::kindAt(SourceLocation FileLoc) const {
  return fileKind(SM.getFileID(FileLoc), FileLoc);
}

bool ManagedTypes::isRuntimeLoc(SourceLocation L) const {
  if (L.isInvalid())
    return false;
  return kindAt(SM.getSpellingLoc(L)) & RuntimeFile;
}

bool ManagedTypes::isRuntimeDecl(const Decl *D) const {
  return D && isRuntimeLoc(D->getLocation());
}

bool ManagedTypes::isUntouchable(SourceLocation L) const {
  if (L.isInvalid())
    return true;
  // System headers of the toolchain and libc; a header that is "system"
  // only because it was found through a user's -isystem is user code.
  return (kindAt(SM.getSpellingLoc(L)) & (ToolchainFile | RuntimeFile)) ||
         (kindAt(SM.getExpansionLoc(L)) & ToolchainFile);
}

bool ManagedTypes::isManagedRecord(const RecordDecl *RD) const {
  if (!RD)
    return false;
  // The runtime's own managed types (rc_list, rc_str, rc_dict, ...) are
  // opaque structs declared RC_MANAGED in autorc.h: no list of names here.
  return hasAnnotation(RD, "autorc_managed");
}

const RecordDecl *ManagedTypes::managedPointee(QualType T) const {
  if (T.isNull())
    return nullptr;
  const auto *PT = T->getAs<PointerType>();
  if (!PT)
    return nullptr;
  QualType P = PT->getPointeeType();
  const auto *RT = P->getAs<RecordType>();
  if (!RT)
    return nullptr;
  const RecordDecl *RD = RT->getDecl();
  return isManagedRecord(RD) ? RD : nullptr;
}

bool ManagedTypes::isManagedPtrArray(QualType T, uint64_t *N) const {
  uint64_t Count = 1;
  QualType E = T;
  bool Any = false;
  while (const auto *CAT = Ctx.getAsConstantArrayType(E)) {
    Count *= CAT->getSize().getZExtValue();
    E = CAT->getElementType();
    Any = true;
  }
  if (!Any || !isManagedPtr(E))
    return false;
  if (N)
    *N = Count;
  return true;
}

bool ManagedTypes::containsManagedSlots(QualType T) const {
  if (T.isNull())
    return false;
  if (isManagedPtr(T))
    return true;
  if (const auto *AT = Ctx.getAsArrayType(T))
    return containsManagedSlots(AT->getElementType());
  if (const auto *RT = T->getAs<RecordType>()) {
    const RecordDecl *RD = RT->getDecl();
    if (isManagedRecord(RD))
      return true;
    if (const RecordDecl *Def = RD->getDefinition())
      for (const FieldDecl *F : Def->fields())
        if (containsManagedSlots(F->getType()) && slotKindOf(F) != SlotKind::Unowned)
          return true;
  }
  return false;
}

const RecordDecl *ManagedTypes::valueRecord(QualType T) const {
  if (T.isNull())
    return nullptr;
  const auto *RT = T->getAs<RecordType>();
  if (!RT || RT->getDecl()->isUnion() || isManagedRecord(RT->getDecl()))
    return nullptr;
  const RecordDecl *Def = RT->getDecl()->getDefinition();
  return Def && containsManagedSlots(T) ? Def : nullptr;
}

const RecordDecl *ManagedTypes::copyRecord(QualType T) const {
  if (const RecordDecl *RD = valueRecord(T))
    return RD;
  const auto *RT = T.isNull() ? nullptr : T->getAs<RecordType>();
  if (!RT || RT->getDecl()->isUnion() || !isManagedRecord(RT->getDecl()))
    return nullptr;
  return RT->getDecl()->getDefinition();
}

const RecordDecl *ManagedTypes::valueRecordArray(QualType T, uint64_t *N) const {
  uint64_t Count = 1;
  bool Any = false;
  while (const auto *CAT = Ctx.getAsConstantArrayType(T)) {
    Count *= CAT->getSize().getZExtValue();
    T = CAT->getElementType();
    Any = true;
  }
  const RecordDecl *RD = Any ? valueRecord(T) : nullptr;
  if (RD && N)
    *N = Count;
  return RD;
}

const RecordDecl *ManagedTypes::baseOf(const RecordDecl *RD) const {
  const RecordDecl *Def = RD ? RD->getDefinition() : nullptr;
  if (!Def || Def->field_empty())
    return nullptr;
  const auto *RT = Def->field_begin()->getType()->getAs<RecordType>();
  return RT && isManagedRecord(RT->getDecl()) ? RT->getDecl() : nullptr;
}

SlotKind ManagedTypes::slotKindOf(const ValueDecl *D) const {
  if (!D)
    return SlotKind::None;
  QualType T = D->getType();
  if (!isManagedPtr(T) && !isManagedPtrArray(T))
    return SlotKind::None;
  if (hasAnnotation(D, "autorc_weak"))
    return SlotKind::Weak;
  if (hasAnnotation(D, "autorc_unowned"))
    return SlotKind::Unowned;
  return SlotKind::Strong;
}

SlotKind ManagedTypes::slotKindOf(const Expr *E) const {
  if (!E || !isManagedPtr(E->getType()))
    return SlotKind::None;
  E = E->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return slotKindOf(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return slotKindOf(ME->getMemberDecl());
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    // An element of an array variable or array field inherits its kind.
    const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Base))
      if (isManagedPtrArray(DRE->getDecl()->getType()))
        return slotKindOf(DRE->getDecl());
    if (const auto *ME = dyn_cast<MemberExpr>(Base))
      if (isManagedPtrArray(ME->getMemberDecl()->getType()))
        return slotKindOf(ME->getMemberDecl());
  }
  return SlotKind::Strong; // *p, p[i] through pointers, ...: strong by default
}

bool ManagedTypes::returnsBorrowed(const FunctionDecl *FD) const {
  return hasAnnotation(FD, "autorc_returns_borrowed");
}

bool ManagedTypes::returnsOwned(const FunctionDecl *FD) const {
  if (!FD)
    return false;
  if (hasAnnotation(FD, "autorc_returns_owned"))
    return true;
  return (isManagedPtr(FD->getReturnType()) || copyRecord(FD->getReturnType())) &&
         !returnsBorrowed(FD);
}

bool ManagedTypes::isRcNew(const Expr *E) const {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  SourceLocation B = E->getBeginLoc();
  if (!B.isMacroID())
    return false;
  llvm::StringRef Name = Lexer::getImmediateMacroName(B, SM, LO);
  if (Name != "rc_new" && Name != "rc_new_typed")
    return false;
  CharSourceRange RB = SM.getImmediateExpansionRange(B);
  CharSourceRange RE = SM.getImmediateExpansionRange(E->getEndLoc());
  return E->getEndLoc().isMacroID() && RB.getBegin() == RE.getBegin() &&
         RB.getEnd() == RE.getEnd();
}

bool ManagedTypes::isObjectArg(const ParmVarDecl *P) const {
  return hasAnnotation(P, "autorc_object_arg");
}

std::string ManagedTypes::recordSpelling(const RecordDecl *RD) const {
  if (!RD->getName().empty())
    return std::string(RD->isUnion() ? "union " : "struct ") + RD->getName().str();
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getName().str();
  return std::string();
}

std::string ManagedTypes::typeSpelling(QualType T) const {
  PrintingPolicy PP(Ctx.getLangOpts());
  PP.SuppressTagKeyword = false;
  return T.getAsString(PP);
}

} // namespace autorc
