// GeneratorPass.cpp — see GeneratorPass.h.
#include "GeneratorPass.h"
#include "Compat.h"
#include "ManagedTypes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "clang/Rewrite/Core/Rewriter.h"
#include <map>
#include <set>

using namespace clang;

namespace autorc {

namespace {

// Everything inside one generator body that the lowering touches.
struct BodyScan : RecursiveASTVisitor<BodyScan> {
  std::vector<CallExpr *> Yields;
  std::vector<DeclStmt *> DeclStmts;
  std::vector<DeclRefExpr *> Refs;
  std::vector<ReturnStmt *> Returns;
  bool VisitCallExpr(CallExpr *C) {
    if (isYieldMarker(C))
      Yields.push_back(C);
    return true;
  }
  std::set<const Stmt *> Seen; // a for's init is visited twice
  bool VisitDeclStmt(DeclStmt *DS) {
    if (Seen.insert(DS).second)
      DeclStmts.push_back(DS);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *R) {
    Refs.push_back(R);
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *R) {
    Returns.push_back(R);
    return true;
  }
  static bool isYieldMarker(const CallExpr *C) {
    const FunctionDecl *F = C->getDirectCallee();
    return F && F->getIdentifier() && F->getName() == "rc__gen_yield_marker";
  }
};

struct YieldFinder : RecursiveASTVisitor<YieldFinder> {
  std::vector<CallExpr *> Found;
  bool VisitCallExpr(CallExpr *C) {
    if (BodyScan::isYieldMarker(C))
      Found.push_back(C);
    return true;
  }
};

class Lowering {
public:
  Lowering(ASTContext &Ctx, Rewriter &R, DiagSink &Diags)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), R(R), Diags(Diags), MT(Ctx) {}

  void run(FunctionDecl *FD, const AnnotateAttr *A);

private:
  bool checkSignature(FunctionDecl *FD, const AnnotateAttr *A);
  void chooseFrame(FunctionDecl *FD, const BodyScan &S, ParentMap &PM);
  bool checkFrameVar(const VarDecl *VD);
  bool checkYield(CallExpr *C, ParentMap &PM);
  bool localOrUnnamedType(QualType T, unsigned Depth = 0) const;
  std::string declText(QualType T, const std::string &Name) const;
  std::string typeText(QualType T) const { return declText(T, ""); }
  std::string frameStruct();
  void rewriteHead(FunctionDecl *FD, const AnnotateAttr *A);
  void rewriteDecl(DeclStmt *DS);
  void rewriteRef(DeclRefExpr *Ref);
  void rewriteYield(CallExpr *C);
  void rewriteReturn(ReturnStmt *RS);
  void releaseAtScopeEnds();
  SourceLocation afterToken(SourceLocation Loc) const {
    return Lexer::getLocForEndOfToken(Loc, 0, SM, Ctx.getLangOpts());
  }
  void error(SourceLocation L, diag::ID I, llvm::ArrayRef<std::string> Args = {}) {
    Diags.report(L, I, Args);
    Failed = true;
  }

  ASTContext &Ctx;
  SourceManager &SM;
  Rewriter &R;
  DiagSink &Diags;
  ManagedTypes MT;
  bool Failed = false;

  std::string Name;            // the generator function's name
  QualType Yield;              // T of RC_GENERATOR(T)
  std::vector<const VarDecl *> Frame; // parameters, then locals, in order
  std::map<const VarDecl *, std::string> Field;
  std::set<unsigned> Rewritten; // the frame variables' references replaced, by location
  // Managed frame locals by the statement their scope is (a block or a for).
  std::map<const Stmt *, std::vector<const VarDecl *>> ManagedIn;
  unsigned NextLabel = 0;
  bool HasYields = false;
};

std::string Lowering::declText(QualType T, const std::string &N) const {
  PrintingPolicy P(Ctx.getLangOpts());
  P.SuppressTagKeyword = false;
  P.Bool = false;
  std::string S;
  llvm::raw_string_ostream OS(S);
  T.print(OS, P, N);
  return OS.str();
}

// A type the frame struct (at file scope, before the function) cannot name.
bool Lowering::localOrUnnamedType(QualType T, unsigned Depth) const {
  if (T.isNull() || Depth > 32)
    return false;
  if (const auto *TT = dyn_cast<TypedefType>(T.getTypePtr())) {
    if (TT->getDecl()->getDeclContext()->isFunctionOrMethod())
      return true;
    return false; // a file-scope typedef names whatever it stands for
  }
  if (const auto *Tag = T->getAsTagDecl()) {
    if (Tag->getDeclContext()->isFunctionOrMethod())
      return true;
    if (Tag->getName().empty() && !Tag->getTypedefNameForAnonDecl())
      return true;
  }
  if (const auto *PT = T->getAs<PointerType>())
    return localOrUnnamedType(PT->getPointeeType(), Depth + 1);
  if (const auto *AT = Ctx.getAsArrayType(T))
    return localOrUnnamedType(AT->getElementType(), Depth + 1);
  if (const auto *FT = T->getAs<FunctionProtoType>()) {
    for (QualType P : FT->getParamTypes())
      if (localOrUnnamedType(P, Depth + 1))
        return true;
    return localOrUnnamedType(FT->getReturnType(), Depth + 1);
  }
  return false;
}

bool Lowering::checkSignature(FunctionDecl *FD, const AnnotateAttr *A) {
  SourceLocation AL = A->getLocation();
  CharSourceRange Inv = SM.getImmediateExpansionRange(AL);
  if (Inv.getBegin().isMacroID()) {
    error(FD->getLocation(), diag::GeneratorInMacro);
    return false;
  }
  if (!SM.isInMainFile(SM.getExpansionLoc(FD->getLocation()))) {
    error(FD->getLocation(), diag::GeneratorInHeader);
    return false;
  }
  QualType RT = FD->getReturnType();
  const auto *PT = RT->getAs<PointerType>();
  const RecordDecl *RD = PT ? PT->getPointeeType()->getAsRecordDecl() : nullptr;
  if (!RD || !RD->getIdentifier() || RD->getName() != "rc_gen") {
    error(FD->getLocation(), diag::GeneratorReturnType);
    return false;
  }
  if (A->args_size() != 1) {
    error(FD->getLocation(), diag::GeneratorYieldType);
    return false;
  }
  // The argument is `(__typeof__(T) *)0`: its type is T *.
  QualType ArgT = (*A->args_begin())->getType();
  const auto *YP = ArgT->getAs<PointerType>();
  Yield = YP ? YP->getPointeeType() : QualType();
  if (!Yield.isNull() && isa<TypeOfType>(Yield.getTypePtr()))
    Yield = Yield.getSingleStepDesugaredType(Ctx); // T as written, not typeof(T)
  if (Yield.isNull() || Yield->isIncompleteType() || Yield->isFunctionType()) {
    error(FD->getLocation(), diag::GeneratorYieldType);
    return false;
  }
  Name = FD->getName().str();
  return true;
}

bool Lowering::checkFrameVar(const VarDecl *VD) {
  std::string V = VD->getName().str();
  QualType T = VD->getType();
  if (T->isVariablyModifiedType()) {
    error(VD->getLocation(), diag::GeneratorFrameVLA, {V});
    return false;
  }
  if (localOrUnnamedType(T)) {
    error(VD->getLocation(), diag::GeneratorFrameLocalType, {V});
    return false;
  }
  if (T->isArrayType() && VD->hasInit()) {
    error(VD->getLocation(), diag::GeneratorFrameArrayInit, {V});
    return false;
  }
  if (MT.isManagedPtr(T) && MT.slotKindOf(VD) != SlotKind::Strong) {
    error(VD->getLocation(), diag::GeneratorFrameWeak, {V});
    return false;
  }
  if (!MT.isManagedPtr(T) && MT.containsManagedSlots(T)) {
    error(VD->getLocation(), diag::GeneratorFrameManagedAggregate, {V});
    return false;
  }
  return true;
}

// Is `Anc` an ancestor of (or) S?
static bool contains(ParentMap &PM, const Stmt *Anc, const Stmt *S) {
  for (const Stmt *P = S; P; P = PM.getParent(P))
    if (P == Anc)
      return true;
  return false;
}

// Parameters always, and each local whose scope (the statement holding its
// declaration, from the declaration on) contains an rc_yield.
void Lowering::chooseFrame(FunctionDecl *FD, const BodyScan &S, ParentMap &PM) {
  std::set<std::string> Used;
  auto Add = [&](const VarDecl *VD) {
    if (Field.count(VD))
      return;
    std::string N = VD->getName().str();
    std::string F = N;
    for (unsigned K = 2; !Used.insert(F).second; ++K)
      F = N + "_" + std::to_string(K);
    Field[VD] = F;
    Frame.push_back(VD);
  };
  for (const ParmVarDecl *P : FD->parameters())
    if (P->getIdentifier())
      Add(P);
  for (DeclStmt *DS : S.DeclStmts) {
    // The block (or for statement) the declaration's scope ends with; a
    // declaration under a label belongs to the enclosing block.
    const Stmt *Scope = PM.getParent(DS);
    while (Scope && !isa<CompoundStmt>(Scope) && !isa<ForStmt>(Scope))
      Scope = PM.getParent(Scope);
    for (Decl *D : DS->decls()) {
      auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
        continue;
      bool Across = false;
      for (CallExpr *Y : S.Yields)
        if (contains(PM, Scope, Y) &&
            SM.isBeforeInTranslationUnit(SM.getExpansionLoc(VD->getLocation()),
                                         SM.getExpansionLoc(Y->getBeginLoc())))
          Across = true;
      if (Across && checkFrameVar(VD)) {
        Add(VD);
        if (MT.isManagedPtr(VD->getType()))
          ManagedIn[Scope].push_back(VD);
      }
    }
  }
}

bool Lowering::checkYield(CallExpr *C, ParentMap &PM) {
  CharSourceRange Inv = SM.getImmediateExpansionRange(C->getBeginLoc());
  if (!C->getBeginLoc().isMacroID() || Inv.getBegin().isMacroID() ||
      !SM.isInMainFile(Inv.getBegin())) {
    error(SM.getExpansionLoc(C->getBeginLoc()), diag::YieldInMacro);
    return false;
  }
  const Stmt *P = PM.getParent(C);
  if (P && isa<Expr>(P)) {
    error(Inv.getBegin(), diag::YieldInExpression);
    return false;
  }
  for (; P; P = PM.getParent(P))
    if (isa<StmtExpr>(P)) {
      error(Inv.getBegin(), diag::YieldInStmtExpr);
      return false;
    }
  return true;
}

std::string Lowering::frameStruct() {
  std::string S = "struct RC_MANAGED rc__gen_" + Name + " { struct rc__gen_head rc__head; ";
  for (const VarDecl *VD : Frame) {
    QualType T = VD->getType();
    if (!T->isArrayType())
      T = T.getUnqualifiedType();
    S += declText(T, Field[VD]) + "; ";
  }
  S += "}; static int rc__gen_" + Name + "_resume(void *rc__self, void *rc__out); ";
  return S;
}

// The struct before the function; RC_GENERATOR(T) removed; after the
// body's `{` the constructor's code and the resume function's head.
void Lowering::rewriteHead(FunctionDecl *FD, const AnnotateAttr *A) {
  CharSourceRange Inv = SM.getExpansionRange(A->getLocation());
  SourceLocation Start = SM.getExpansionLoc(FD->getBeginLoc());
  if (SM.isBeforeInTranslationUnit(Inv.getBegin(), Start))
    Start = Inv.getBegin();
  R.InsertTextBefore(Start, frameStruct());
  unsigned InvLen = SM.getFileOffset(afterToken(Inv.getEnd())) - SM.getFileOffset(Inv.getBegin());
  R.ReplaceText(Inv.getBegin(), InvLen, "");
  std::string St = "struct rc__gen_" + Name;
  std::string Text = " " + St + " *rc__f = rc_new(" + St + "); ";
  for (const ParmVarDecl *P : FD->parameters())
    if (Field.count(P))
      Text += "rc__f->" + Field[P] + " = " + P->getName().str() + "; ";
  Text += "rc__f->rc__head.resume = rc__gen_" + Name + "_resume; return (rc_gen *)rc__f; } ";
  Text += "static int rc__gen_" + Name + "_resume(void *rc__self, void *rc__out) { " + St +
          " *RC_UNOWNED rc__f = (" + St + " *)rc__self; (void)rc__out; ";
  if (HasYields) // GNU C refuses `goto *` in a function without `&&label`
    Text += "if (rc__f->rc__head.label) goto *rc__f->rc__head.label; ";
  auto *Body = cast<CompoundStmt>(FD->getBody());
  R.InsertTextAfterToken(Body->getLBracLoc(), Text);
  R.InsertTextBefore(Body->getRBracLoc(), " return 0; ");
}

// `T a = x, *b;` of frame variables becomes `rc__f->a = x, rc__f->b = NULL;`
// (an uninitialised managed local starts NULL, as everywhere; other
// uninitialised locals keep whatever the field holds).
void Lowering::rewriteDecl(DeclStmt *DS) {
  SourceLocation Start = SM.getExpansionLoc(DS->getBeginLoc());
  for (Decl *D : DS->decls()) {
    auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || !Field.count(VD))
      return;
    std::string Lhs = "rc__f->" + Field[VD];
    SourceLocation End = SM.getExpansionRange(VD->getSourceRange()).getEnd();
    if (const Expr *Init = VD->getInit()) {
      SourceLocation IB = SM.getExpansionLoc(Init->getBeginLoc());
      std::string Cast;
      if (isa<InitListExpr>(Init->IgnoreImplicit()))
        Cast = "(" + typeText(VD->getType().getUnqualifiedType()) + ")";
      R.ReplaceText(CharSourceRange::getCharRange(Start, IB), Lhs + " = " + Cast);
    } else {
      std::string V = MT.isManagedPtr(VD->getType()) ? Lhs + " = NULL" : "(void)0";
      R.ReplaceText(CharSourceRange::getTokenRange(Start, End), V);
    }
    // Next declarator: after the comma behind this one.
    SourceLocation AfterEnd = afterToken(End);
    Token Tok;
    if (!Lexer::getRawToken(AfterEnd, Tok, SM, Ctx.getLangOpts(), /*IgnoreWhiteSpace=*/true) &&
        Tok.is(tok::comma))
      Start = afterToken(Tok.getLocation());
  }
}

void Lowering::rewriteRef(DeclRefExpr *Ref) {
  const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
  if (!VD || !Field.count(VD))
    return;
  SourceLocation L = Ref->getLocation();
  while (L.isMacroID()) {
    if (!SM.isMacroArgExpansion(L)) {
      error(SM.getExpansionLoc(Ref->getLocation()), diag::GeneratorFrameInMacro,
            {VD->getName().str()});
      return;
    }
    L = SM.getImmediateSpellingLoc(L);
  }
  // A macro argument its body uses twice (rc_tlist_get's list, read for
  // the element type and for the call) is one token of the user's text:
  // replaced once.
  if (!Rewritten.insert(L.getRawEncoding()).second)
    return;
  R.ReplaceText(L, VD->getName().size(), "rc__f->" + Field[VD]);
}

// `rc_yield(e);` -> `do { *(T *)rc__out = (e); <save label>; return 1; L:; } while (0);`
void Lowering::rewriteYield(CallExpr *C) {
  CharSourceRange Inv = SM.getExpansionRange(C->getBeginLoc());
  std::string L = "rc__y" + std::to_string(++NextLabel);
  R.ReplaceText(Inv.getBegin(), strlen("rc_yield"),
                "do { *(__typeof__(" + typeText(Yield) + ") *)rc__out = ");
  R.InsertTextAfterToken(Inv.getEnd(), "; rc__f->rc__head.label = &&" + L + "; return 1; " + L +
                                            ":; } while (0)");
}

// `return;` and `return x;` end the generator (x is evaluated, its value
// dropped: a generator returns nothing).
void Lowering::rewriteReturn(ReturnStmt *RS) {
  SourceLocation K = SM.getExpansionLoc(RS->getReturnLoc());
  const Expr *V = RS->getRetValue();
  if (!V) {
    R.InsertTextAfterToken(K, " 0");
    return;
  }
  SourceLocation VB = SM.getExpansionLoc(V->getBeginLoc());
  SourceLocation VE = SM.getExpansionRange(V->getEndLoc()).getEnd();
  R.InsertTextBefore(VB, "((void)(");
  R.InsertTextAfterToken(VE, "), 0)");
}

// A managed frame local dies at the end of its block as any local: its
// field is set to NULL (a counted store: the release) before the block's
// `}`, or after the `for` statement that declares it. Leaving the block by
// break, continue or goto leaves it to the generator's end (or the
// declaration's next run); docs/builtins.md.
void Lowering::releaseAtScopeEnds() {
  for (auto &[Scope, Vars] : ManagedIn) {
    std::string Text;
    for (auto It = Vars.rbegin(); It != Vars.rend(); ++It)
      Text += "rc__f->" + Field[*It] + " = NULL; ";
    if (const auto *CS = dyn_cast<CompoundStmt>(Scope)) {
      R.InsertTextBefore(SM.getExpansionLoc(CS->getRBracLoc()), Text);
      continue;
    }
    SourceLocation B = SM.getExpansionLoc(Scope->getBeginLoc());
    SourceLocation E = SM.getExpansionRange(Scope->getEndLoc()).getEnd();
    Token Tok;
    if (!Lexer::getRawToken(afterToken(E), Tok, SM, Ctx.getLangOpts(), true) &&
        Tok.is(tok::semi))
      E = Tok.getLocation();
    R.InsertTextBefore(B, "{ ");
    R.InsertTextAfterToken(E, " " + Text + "}");
  }
}

void Lowering::run(FunctionDecl *FD, const AnnotateAttr *A) {
  Failed = false;
  Frame.clear();
  Field.clear();
  ManagedIn.clear();
  NextLabel = 0;
  if (!checkSignature(FD, A))
    return;
  auto *Body = cast<CompoundStmt>(FD->getBody());
  BodyScan S;
  S.TraverseStmt(Body);
  ParentMap PM(Body);
  bool OK = true;
  for (CallExpr *Y : S.Yields)
    OK &= checkYield(Y, PM);
  chooseFrame(FD, S, PM);
  if (!OK || Failed)
    return;
  for (DeclRefExpr *Ref : S.Refs)
    rewriteRef(Ref);
  if (Failed)
    return;
  HasYields = !S.Yields.empty();
  rewriteHead(FD, A);
  for (DeclStmt *DS : S.DeclStmts)
    rewriteDecl(DS);
  for (CallExpr *Y : S.Yields)
    rewriteYield(Y);
  for (ReturnStmt *RS : S.Returns)
    rewriteReturn(RS);
  releaseAtScopeEnds();
}

const AnnotateAttr *generatorAttr(const FunctionDecl *FD) {
  for (const auto *A : FD->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "autorc_generator")
      return A;
  return nullptr;
}

} // namespace

bool mentionsGenerators(llvm::StringRef Text) {
  return Text.find("RC_GENERATOR") != llvm::StringRef::npos ||
         Text.find("rc_yield") != llvm::StringRef::npos;
}

unsigned mapLoweredOffset(llvm::StringRef Lowered, llvm::StringRef Original, unsigned Offset) {
  Offset = std::min<unsigned>(Offset, Lowered.size());
  llvm::StringRef Before = Lowered.take_front(Offset);
  size_t Line = Before.count('\n');
  size_t LineStart = Before.rfind('\n');
  size_t Col = LineStart == llvm::StringRef::npos ? Offset : Offset - LineStart - 1;
  size_t Pos = 0;
  for (size_t I = 0; I < Line && Pos != llvm::StringRef::npos; ++I) {
    Pos = Original.find('\n', Pos);
    if (Pos != llvm::StringRef::npos)
      ++Pos;
  }
  if (Pos == llvm::StringRef::npos)
    return Original.size();
  size_t LineEnd = Original.find('\n', Pos);
  if (LineEnd == llvm::StringRef::npos)
    LineEnd = Original.size();
  return unsigned(std::min(Pos + Col, LineEnd));
}

static void noteBody(const SourceManager &SM, const Stmt *Body, GeneratorLowering &Out) {
  SourceLocation B = SM.getExpansionLoc(Body->getBeginLoc());
  SourceLocation E = SM.getExpansionLoc(Body->getEndLoc());
  if (!SM.isInMainFile(B) || !SM.isInMainFile(E))
    return;
  Out.File = compat::fileName(SM, SM.getMainFileID());
  Out.Bodies.push_back({SM.getFileOffset(B), SM.getFileOffset(E)});
}

void GeneratorConsumer::HandleTranslationUnit(ASTContext &Ctx) {
  Out.Ran = true;
  // Uncompilable: a warning the user's -Werror upgraded (the parse that
  // records clang's warnings keeps the user's options) is no parse failure.
  if (Ctx.getDiagnostics().hasUncompilableErrorOccurred()) {
    Out.ParseFailed = true;
    return;
  }
  SourceManager &SM = Ctx.getSourceManager();
  Rewriter R(SM, Ctx.getLangOpts());
  DiagSink Sink(SM, Out.Diags);
  Lowering Low(Ctx, R, Sink);
  std::set<const CallExpr *> Inside;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      continue;
    YieldFinder YF;
    YF.TraverseStmt(FD->getBody());
    const AnnotateAttr *A = generatorAttr(FD);
    if (A) {
      noteBody(SM, FD->getBody(), Out);
      Low.run(FD, A);
      continue;
    }
    for (CallExpr *C : YF.Found)
      Sink.report(SM.getExpansionLoc(C->getBeginLoc()), diag::YieldOutsideGenerator);
  }
  Out.HasErrors = Sink.hasErrors();
  if (Out.HasErrors)
    return;
  if (const RewriteBuffer *B = R.getRewriteBufferFor(SM.getMainFileID())) {
    Out.Changed = true;
    Out.Text = std::string(B->begin(), B->end());
  }
}

} // namespace autorc
