// FunctionRewriterKeywords.cpp — `register` and `restrict` on a counted
// local or parameter.
//
// Counting a variable takes its address: a strong or weak local gets a
// cleanup attribute (its function receives `&v`), a pinned parameter a
// pointer to it, a returned local moves out through `&v`. C refuses the
// address of a `register` variable, and `&v` of `T *restrict v` is a
// `T *restrict *`, which neither the cleanups' `const void *` parameter nor
// rc__move's `void *` accepts. Neither keyword changes what a correct
// program does (`register` only forbids `&v`; `restrict` only lets the
// compiler assume no other pointer reaches the object), so the rewrite
// deletes the keyword's token, in place (no line moves). A keyword it
// cannot delete -- spelled by a macro, or a restrict that comes with a
// typedef -- is an error naming the variable.
#include "FunctionRewriter.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace autorc {

namespace {
// Where the declarator of VD's top-level pointer starts (its `*`), so that
// a restrict of an earlier declarator in the same declaration
// (`T *restrict a, *restrict b;`) is not taken for VD's; invalid when the
// pointer comes from a typedef.
SourceLocation pointerStar(const VarDecl *VD) {
  TypeSourceInfo *TSI = VD->getTypeSourceInfo();
  if (!TSI)
    return SourceLocation();
  TypeLoc TL = TSI->getTypeLoc();
  for (;;) {
    if (auto A = TL.getAs<ArrayTypeLoc>())
      TL = A.getElementLoc();
    else if (auto Q = TL.getAs<QualifiedTypeLoc>())
      TL = Q.getUnqualifiedLoc();
    else if (auto P = TL.getAs<ParenTypeLoc>())
      TL = P.getInnerLoc();
    else
      break;
  }
  if (auto P = TL.getAs<PointerTypeLoc>())
    return P.getStarLoc();
  return SourceLocation();
}
} // namespace

// The raw token spelled Words[i] in the file text from From up to VD's
// name, or an invalid location (not there, or not in the file's text).
SourceLocation FunctionRewriter::keywordToken(const VarDecl *VD, SourceLocation From,
                                              std::initializer_list<llvm::StringRef> Words) {
  SourceLocation Name = VD->getLocation();
  if (From.isInvalid() || From.isMacroID() || Name.isMacroID())
    return SourceLocation();
  const LangOptions &LO = E.rewriter().getLangOpts();
  auto [FID, Begin] = SM.getDecomposedLoc(From);
  auto [NameFID, End] = SM.getDecomposedLoc(Name);
  if (FID != NameFID || Begin > End)
    return SourceLocation();
  llvm::StringRef Buf = SM.getBufferData(FID);
  Lexer L(SM.getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin() + Begin, Buf.end());
  Token Tok;
  while (!L.LexFromRawLexer(Tok) && SM.getFileOffset(Tok.getLocation()) < End) {
    if (!Tok.is(tok::raw_identifier))
      continue;
    for (llvm::StringRef W : Words)
      if (Tok.getRawIdentifier() == W)
        return Tok.getLocation();
  }
  return SourceLocation();
}

void FunctionRewriter::dropKeyword(const VarDecl *VD, SourceLocation At, llvm::StringRef Word,
                                   const std::string &Through) {
  if (At.isInvalid()) {
    E.diags().report(VD->getLocation(), diag::AddressBlockingKeyword,
                     {VD->getName().str(), Word.str(), Through});
    return;
  }
  if (St.DroppedKeywords.insert(At.getRawEncoding()).second)
    plan(actAt(Act::DropKeyword, At, "a counted variable's '" + Word.str() + "'", ""));
}

// An RC_WEAK local is set to NULL by the runtime when its object dies (its
// address is registered): a const one would be changed behind the
// compiler's back, which C leaves undefined (C11 6.7.3p6) and which lets the
// compiler keep reading the dead pointer. The `const` only forbids the
// program's own stores, which clang has already checked, so it is deleted
// like `register`; one spelled by a macro or inside a typedef cannot be.
void FunctionRewriter::dropWeakConst(const VarDecl *VD) {
  QualType T = VD->getType();
  const auto *TT = T->getAs<TypedefType>();
  if (TT && TT->desugar().isConstQualified()) {
    E.diags().report(VD->getLocation(), diag::WeakConstKeyword,
                     {VD->getName().str(), "through its type '" + T.getAsString() + "'"});
    return;
  }
  SourceLocation Star = pointerStar(VD);
  // Without a `*` of its own (`RC_WEAK const node_ref w`), from the start of
  // the declaration as written (RC_WEAK is a macro).
  SourceLocation From = Star.isValid() ? Star : SM.getFileLoc(VD->getBeginLoc());
  SourceLocation At = keywordToken(VD, From, {"const"});
  if (At.isInvalid()) {
    E.diags().report(VD->getLocation(), diag::WeakConstKeyword,
                     {VD->getName().str(), "in a macro"});
    return;
  }
  if (St.DroppedKeywords.insert(At.getRawEncoding()).second)
    plan(actAt(Act::DropKeyword, At, "an RC_WEAK local's 'const'", ""));
}

void FunctionRewriter::makeAddressable(const VarDecl *VD) {
  if (!St.Addressable.insert(VD).second)
    return;
  QualType T = MT.context().getBaseElementType(VD->getType());
  if (VD->getStorageClass() == SC_Register)
    dropKeyword(VD, keywordToken(VD, VD->getBeginLoc(), {"register"}), "register",
                "in a macro");
  if (!T.isRestrictQualified())
    return;
  SourceLocation Star = pointerStar(VD);
  SourceLocation At =
      keywordToken(VD, Star.isValid() ? Star : VD->getBeginLoc(),
                   {"restrict", "__restrict", "__restrict__"});
  std::string Through = "in a macro";
  if (At.isInvalid() && !VD->getLocation().isMacroID() && !Star.isValid())
    Through = "through its type '" + VD->getType().getAsString() + "'";
  dropKeyword(VD, At, "restrict", Through);
}

} // namespace autorc
