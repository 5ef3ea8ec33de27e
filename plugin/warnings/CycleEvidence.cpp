// CycleEvidence.cpp — see CycleEvidence.h.
#include "CycleEvidence.h"
#include "../Compat.h"
#include "../Contracts.h"
#include "../TypeGraph.h"
#include "CycleNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/Path.h"
#include <algorithm>

using namespace clang;

namespace autorc {
namespace warnings {

const Expr *CycleEvidence::stripCasts(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<CStyleCastExpr>(E)) {
      E = CE->getSubExpr();
      continue;
    }
    return E;
  }
}

static const VarDecl *localOf(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(CycleEvidence::stripCasts(E)))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->isLocalVarDeclOrParm() && !VD->isStaticLocal())
        return VD;
  return nullptr;
}

bool CycleEvidence::slotOf(const Expr *E, const FieldDecl *&Top, const Expr *&Obj) {
  E = CycleEvidence::stripCasts(E);
  while (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    E = CycleEvidence::stripCasts(ASE->getBase());
  const auto *ME = dyn_cast<MemberExpr>(E);
  while (ME) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD)
      return false;
    if (ME->isArrow()) {
      Top = FD;
      Obj = ME->getBase();
      return true;
    }
    // An embedded struct: the slot belongs to the object around it.
    const Expr *B = CycleEvidence::stripCasts(ME->getBase());
    while (const auto *ASE = dyn_cast<ArraySubscriptExpr>(B))
      B = CycleEvidence::stripCasts(ASE->getBase());
    ME = dyn_cast<MemberExpr>(B);
  }
  return false;
}

bool CycleEvidence::isFreshExpr(const Expr *E) {
  E = CycleEvidence::stripCasts(E);
  if (const auto *SE = dyn_cast<StmtExpr>(E)) {
    const CompoundStmt *CS = SE->getSubStmt();
    if (CS->body_empty())
      return false;
    const auto *Last = dyn_cast<Expr>(CS->body_back());
    return Last && isFreshExpr(Last);
  }
  const auto *C = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  llvm::StringRef N = Callee->getName();
  if (N == "rc__new" || N == "rc__new_inline")
    return true;
  // Declared constructors (RC_FRESH: rc_list_new(), rc_str_format(...),
  // ...) and the program's own, proven from their bodies.
  if (contracts::returnsFresh(Callee))
    return MT.isManagedPtr(Callee->getReturnType());
  return !MT.isRuntimeDecl(Callee) && isConstructor(Callee);
}

// A constructor: returns a managed pointer, and every return is a fresh
// object (directly, or a local initialised with one).
bool CycleEvidence::isConstructor(const FunctionDecl *FD) {
  FD = FD->getDefinition();
  if (!FD || !FD->hasBody() || !MT.returnsOwned(FD) || !MT.isManagedPtr(FD->getReturnType()))
    return false;
  auto It = Ctor.find(FD);
  if (It != Ctor.end())
    return It->second == 1; // in progress counts as no: recursion proves nothing
  Ctor[FD] = 0;
  struct Returns : RecursiveASTVisitor<Returns> {
    std::vector<const Expr *> Values;
    bool VisitReturnStmt(ReturnStmt *R) {
      Values.push_back(R->getRetValue());
      return true;
    }
  } Rs;
  Rs.TraverseStmt(FD->getBody());
  bool Yes = !Rs.Values.empty();
  for (const Expr *V : Rs.Values) {
    if (!V) {
      Yes = false;
      break;
    }
    const VarDecl *L = localOf(V);
    const Expr *Init = L && !isa<ParmVarDecl>(L) ? L->getInit() : V;
    if (!Init || !isFreshExpr(Init)) {
      Yes = false;
      break;
    }
  }
  Ctor[FD] = Yes ? 1 : 2;
  if (Yes)
    findRegistered(FD, Rs.Values);
  return Yes;
}

// Does constructor FD also store the object it returns into a slot (a
// parameter's field, a container: `p->child[i] = c; return c;`)? Then its
// result has an owner besides the caller's local, and a later store of it
// is not its only reference.
void CycleEvidence::findRegistered(const FunctionDecl *FD,
                                   const std::vector<const Expr *> &Returned) {
  struct Scan : RecursiveASTVisitor<Scan> {
    CycleEvidence &Ev;
    std::set<const VarDecl *> Locals;
    bool Found = false;
    explicit Scan(CycleEvidence &Ev) : Ev(Ev) {}
    bool stored(const Expr *Value) {
      const VarDecl *V = localOf(Value);
      return V && Locals.count(V);
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      const FieldDecl *Top;
      const Expr *Obj;
      if (BO->getOpcode() == BO_Assign && stored(BO->getRHS()) &&
          CycleEvidence::slotOf(BO->getLHS(), Top, Obj) && !stored(Obj))
        Found = true;
      return true;
    }
    bool VisitCallExpr(CallExpr *C) {
      const FunctionDecl *Callee = C->getDirectCallee();
      for (const contracts::Store &S : contracts::stores(Callee))
        if (S.Value < C->getNumArgs() && stored(C->getArg(S.Value)))
          Found = true;
      for (const auto &PS : Ev.paramStores(Callee))
        if (PS.first < C->getNumArgs() && stored(C->getArg(PS.first)))
          Found = true;
      return true;
    }
  } S(*this);
  for (const Expr *V : Returned)
    if (const VarDecl *L = localOf(V))
      S.Locals.insert(L);
  if (S.Locals.empty())
    return;
  S.TraverseStmt(FD->getBody());
  if (S.Found)
    Registered.insert(FD);
}

bool CycleEvidence::registers(const FunctionDecl *FD) {
  FD = FD ? FD->getDefinition() : nullptr;
  return FD && isConstructor(FD) && Registered.count(FD);
}

// Which parameters the function stores, into which slots (one level of
// calls is followed through the callee's own summary).
const std::vector<std::pair<unsigned, SlotStore>> &
CycleEvidence::paramStores(const FunctionDecl *FD) {
  static const std::vector<std::pair<unsigned, SlotStore>> None;
  FD = FD ? FD->getDefinition() : nullptr;
  if (!FD || !FD->hasBody() || MT.isRuntimeDecl(FD) || !InProgress.insert(FD).second)
    return None;
  auto It = Params.find(FD);
  if (It != Params.end()) {
    InProgress.erase(FD);
    return It->second;
  }
  std::vector<std::pair<unsigned, SlotStore>> Out;
  auto ParamIndex = [&](const Expr *E) -> int {
    const auto *P = dyn_cast_or_null<ParmVarDecl>(localOf(E));
    if (!P || P->getDeclContext() != FD)
      return -1;
    return int(P->getFunctionScopeIndex());
  };
  struct Scan : RecursiveASTVisitor<Scan> {
    CycleEvidence &Ev;
    std::function<int(const Expr *)> Index;
    std::vector<std::pair<unsigned, SlotStore>> &Out;
    Scan(CycleEvidence &Ev, std::function<int(const Expr *)> Index,
         std::vector<std::pair<unsigned, SlotStore>> &Out)
        : Ev(Ev), Index(std::move(Index)), Out(Out) {}
    std::set<const VarDecl *> FreshLocals; // set from a fresh object in the callee
    void store(int P, const Expr *Target, bool Container, SourceLocation Loc) {
      const FieldDecl *Top;
      const Expr *Obj;
      if (P < 0 || !slotOf(Target, Top, Obj))
        return;
      SlotStore S;
      S.Field = Top;
      S.Owner = canon(Top->getParent());
      S.Container = Container;
      S.Loc = Loc;
      const VarDecl *O = localOf(Obj);
      S.IntoFresh = (O && FreshLocals.count(O)) || Ev.isFreshExpr(Obj);
      S.OwnerParam = Index(Obj);
      Out.push_back({unsigned(P), S});
    }
    bool VisitVarDecl(VarDecl *VD) {
      if (VD->getInit() && Ev.isFreshExpr(VD->getInit()))
        FreshLocals.insert(VD);
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->getOpcode() == BO_Assign)
        if (const VarDecl *V = localOf(BO->getLHS()))
          if (Ev.isFreshExpr(BO->getRHS()))
            FreshLocals.insert(V);
      if (BO->getOpcode() == BO_Assign && Ev.MT.isManagedPtr(BO->getLHS()->getType()))
        store(Index(BO->getRHS()), BO->getLHS(), false, BO->getExprLoc());
      return true;
    }
    bool VisitCallExpr(CallExpr *C) {
      const FunctionDecl *Callee = C->getDirectCallee();
      std::vector<contracts::Store> Stores = contracts::stores(Callee);
      for (const contracts::Store &S : Stores)
        if (C->getNumArgs() > std::max(S.Container, S.Value))
          store(Index(C->getArg(S.Value)), C->getArg(S.Container), true, C->getExprLoc());
      if (!Stores.empty())
        return true;
      for (const auto &PS : Ev.paramStores(Callee))
        if (PS.first < C->getNumArgs()) {
          int P = Index(C->getArg(PS.first));
          if (P < 0)
            continue;
          SlotStore S = PS.second;
          if (S.OwnerParam >= 0 && unsigned(S.OwnerParam) < C->getNumArgs()) {
            const Expr *OA = C->getArg(unsigned(S.OwnerParam));
            const VarDecl *O = localOf(OA);
            S.IntoFresh = (O && FreshLocals.count(O)) || Ev.isFreshExpr(OA);
            S.OwnerParam = Index(OA);
          }
          Out.push_back({unsigned(P), S});
        }
      return true;
    }
  } S(*this, ParamIndex, Out);
  S.TraverseStmt(FD->getBody());
  InProgress.erase(FD);
  return Params[FD] = std::move(Out);
}

// ------------------------------------------------------------- the scan --

class EvidenceScan : public RecursiveASTVisitor<EvidenceScan> {
public:
  EvidenceScan(CycleEvidence &Ev) : Ev(Ev) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && Ev.MT.isUntouchable(D->getLocation()))
      return true;
    auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      return RecursiveASTVisitor<EvidenceScan>::TraverseDecl(D);
    Objs.clear();
    Names.clear();
    Outer.clear();
    Depth = Loops = 0;
    bool R = RecursiveASTVisitor<EvidenceScan>::TraverseDecl(D);
    finish();
    return R;
  }
  bool shouldTraversePostOrder() const { return true; }

  // Scope depth: 1 in the function's body, more inside a block or loop.
#define AUTORC_SCOPE(S)                                                                  \
  bool Traverse##S(S *X) {                                                               \
    ++Depth;                                                                             \
    bool R = RecursiveASTVisitor<EvidenceScan>::Traverse##S(X);                          \
    --Depth;                                                                             \
    return R;                                                                            \
  }
#define AUTORC_LOOP(S)                                                                   \
  bool Traverse##S(S *X) {                                                               \
    ++Depth;                                                                             \
    ++Loops;                                                                             \
    LoopStack.push_back(++LoopSerial);                                                   \
    bool R = RecursiveASTVisitor<EvidenceScan>::Traverse##S(X);                          \
    LoopStack.pop_back();                                                                \
    --Loops;                                                                             \
    --Depth;                                                                             \
    return R;                                                                            \
  }
  AUTORC_SCOPE(CompoundStmt)
  AUTORC_LOOP(ForStmt)
  AUTORC_LOOP(WhileStmt)
  AUTORC_LOOP(DoStmt)
#undef AUTORC_SCOPE
#undef AUTORC_LOOP

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->isLocalVarDeclOrParm() && !isa<ParmVarDecl>(VD) && Depth <= 1)
      Outer.insert(VD);
    if (VD->isLocalVarDeclOrParm() && !isa<ParmVarDecl>(VD))
      name(VD, VD->getInit());
    return true;
  }

  // A returned object is also the caller's: no slot holds its only
  // reference.
  bool VisitReturnStmt(ReturnStmt *RS) {
    if (const VarDecl *V = RS->getRetValue() ? localOf(RS->getRetValue()) : nullptr) {
      auto It = Names.find(V);
      if (It != Names.end() && !pastItsLoop(It->second))
        Objs[It->second].Held = true;
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    if (const VarDecl *V = localOf(BO->getLHS())) {
      name(V, BO->getRHS());
      return true;
    }
    if (Ev.MT.isManagedPtr(BO->getLHS()->getType())) {
      store(BO->getLHS(), BO->getRHS(), false, BO->getExprLoc());
      selfStore(BO->getLHS(), BO->getRHS(), BO->getExprLoc());
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    std::vector<contracts::Store> Stores = contracts::stores(Callee);
    for (const contracts::Store &S : Stores)
      if (C->getNumArgs() > std::max(S.Container, S.Value))
        store(C->getArg(S.Container), C->getArg(S.Value), true, C->getExprLoc());
    if (!Stores.empty())
      return true;
    for (const auto &PS : Ev.paramStores(Callee)) {
      if (PS.first >= C->getNumArgs())
        continue;
      int O = objectOf(C->getArg(PS.first));
      if (O >= 0) {
        SlotStore S = PS.second;
        S.Inner = S.Inner.isValid() ? S.Inner : S.Loc;
        S.Loc = C->getExprLoc();
        S.Local = localNaming(unsigned(O));
        // The owner was the callee's parameter: fresh here or not.
        if (S.OwnerParam >= 0 && unsigned(S.OwnerParam) < C->getNumArgs())
          S.IntoFresh = namesFresh(C->getArg(unsigned(S.OwnerParam)));
        S.OneOfLoop = pastItsLoop(unsigned(O));
        Objs[unsigned(O)].Stores.push_back(S);
      }
    }
    return true;
  }

private:
  struct Fresh {
    const RecordDecl *Type;
    std::vector<SlotStore> Stores;
    // No local of the function's body names it at the end: never named,
    // named by a local of an inner block or loop, or its local was rebound.
    bool Dropped = true;
    // Made in a loop: a local keeps at most the last iteration's object.
    bool InLoop = false;
    unsigned Loop = 0; // the innermost loop it was made in (LoopSerial)
    // Referenced from elsewhere too: returned by this function, or made by
    // a constructor that stored it in a slot itself.
    bool Held = false;
  };

  // Is the walk past the loop that made object O? A local naming it there
  // names one iteration's object.
  bool pastItsLoop(unsigned O) const {
    unsigned L = Objs[O].Loop;
    return L && std::find(LoopStack.begin(), LoopStack.end(), L) == LoopStack.end();
  }

  bool namesFresh(const Expr *E) {
    if (const VarDecl *V = localOf(E))
      return Names.count(V) != 0;
    return Ev.isFreshExpr(E) || slotObject(E) >= 0;
  }

  // The fresh object a slot of a local holds since this function stored
  // it there (`a->card = rc_new(struct card);` then `a->card`), or -1.
  int slotObject(const Expr *E) {
    const FieldDecl *Top;
    const Expr *Obj;
    const Expr *S = CycleEvidence::stripCasts(E);
    if (!isa<MemberExpr>(S) || !CycleEvidence::slotOf(S, Top, Obj))
      return -1;
    const VarDecl *V = localOf(Obj);
    auto It = V ? SlotObjs.find({V, Top}) : SlotObjs.end();
    return It == SlotObjs.end() ? -1 : int(It->second);
  }

  // The fresh object E names: a local naming one, or a fresh expression
  // (a store of `rc_new(T)` straight into a slot).
  int objectOf(const Expr *E) {
    if (const VarDecl *V = localOf(E)) {
      auto It = Names.find(V);
      return It == Names.end() ? -1 : int(It->second);
    }
    if (!Ev.isFreshExpr(E))
      return -1;
    Objs.push_back({canon(Ev.MT.managedPointee(E->getType())), {}, true});
    return int(Objs.size() - 1);
  }

  void name(const VarDecl *V, const Expr *Value) {
    Names.erase(V);
    for (auto It = SlotObjs.begin(); It != SlotObjs.end();)
      It = It->first.first == V ? SlotObjs.erase(It) : std::next(It);
    if (!Value || !Ev.MT.isManagedPtr(V->getType()))
      return;
    if (const VarDecl *W = localOf(Value)) {
      auto It = Names.find(W);
      if (It != Names.end())
        Names[V] = It->second;
      return;
    }
    if (Ev.isFreshExpr(Value)) {
      Objs.push_back({canon(Ev.MT.managedPointee(V->getType())), {}, true, Loops > 0,
                      Loops > 0 ? LoopStack.back() : 0});
      const auto *C = dyn_cast<CallExpr>(CycleEvidence::stripCasts(Value));
      Objs.back().Held = C && Ev.registers(C->getDirectCallee());
      Names[V] = unsigned(Objs.size() - 1);
    }
  }

  void store(const Expr *Target, const Expr *Value, bool Container, SourceLocation Loc) {
    const FieldDecl *Top;
    const Expr *Obj;
    if (!CycleEvidence::slotOf(Target, Top, Obj))
      return;
    if (Container)
      if (const RecordDecl *T = Ev.MT.managedPointee(CycleEvidence::stripCasts(Value)->getType()))
        Ev.Holds[Top].insert({canon(T), Loc});
    int O = objectOf(Value);
    if (const VarDecl *Owner = localOf(Obj)) {
      if (O >= 0)
        SlotObjs[{Owner, Top}] = unsigned(O);
      else
        SlotObjs.erase({Owner, Top});
    }
    if (O < 0)
      return;
    SlotStore S;
    S.Field = Top;
    S.Owner = canon(Top->getParent());
    S.Container = Container;
    S.Loc = Loc;
    S.IntoFresh = namesFresh(Obj);
    S.OneOfLoop = pastItsLoop(unsigned(O));
    S.Local = localNaming(unsigned(O));
    Objs[unsigned(O)].Stores.push_back(S);
  }

  // A local that names object O now (the first declared, if several), or
  // null: the store does not then hold the object's only reference yet.
  const VarDecl *localNaming(unsigned O) const {
    const VarDecl *Best = nullptr;
    for (const auto &N : Names)
      if (N.second == O && (!Best || N.first->getLocation() < Best->getLocation()))
        Best = N.first;
    return Best;
  }

  // `x->f = y` with f a field of x's struct pointing to that struct: kept
  // to find mirrored pairs (`x->right = y; y->left = x;`).
  void selfStore(const Expr *Target, const Expr *Value, SourceLocation Loc) {
    const auto *ME = dyn_cast<MemberExpr>(CycleEvidence::stripCasts(Target));
    const auto *F = ME && ME->isArrow() ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    const VarDecl *X = ME ? localOf(ME->getBase()) : nullptr;
    const VarDecl *Y = localOf(Value);
    if (!F || !X || !Y || X == Y ||
        canon(Ev.MT.managedPointee(F->getType())) != canon(F->getParent()))
      return;
    SelfStores.push_back({X, F, Y, Loc});
  }

  void findMirrors() {
    for (const SelfStore &A : SelfStores)
      for (const SelfStore &B : SelfStores)
        if (A.From == B.To && A.To == B.From && A.Field != B.Field &&
            canon(A.Field->getParent()) == canon(B.Field->getParent()))
          Ev.Mirrors[A.Field].insert({B.Field, {B.Loc, canon(B.Field->getParent())}});
  }

  void finish() {
    findMirrors();
    SelfStores.clear();
    // What the function's outer locals name at its end stays named while
    // it runs; everything else is left to the slots it was stored in.
    for (const auto &N : Names)
      if (Outer.count(N.first) && !Objs[N.second].InLoop)
        Objs[N.second].Dropped = false;
    for (const Fresh &F : Objs) {
      if (!F.Type)
        continue;
      // Stored once, into an object that outlives the function or after
      // the last local naming it is gone: that slot is what keeps it.
      std::vector<const SlotStore *> Each;
      for (const SlotStore &S : F.Stores)
        if (!S.OneOfLoop)
          Each.push_back(&S);
      if (Each.size() == 1 && !F.Held && (F.Dropped || !Each[0]->IntoFresh))
        Ev.Owning.insert(
            {Each[0]->Field, {Each[0]->Loc, F.Type, Each[0]->Inner, Each[0]->Local}});
      for (const SlotStore &S : F.Stores)
        if (!S.IntoFresh)
          Ev.Creates.insert({{S.Owner, F.Type}, {S.Loc, F.Type}});
    }
  }

  CycleEvidence &Ev;
  std::vector<Fresh> Objs;
  std::map<const VarDecl *, unsigned> Names;
  std::map<std::pair<const VarDecl *, const FieldDecl *>, unsigned> SlotObjs;
  struct SelfStore {
    const VarDecl *From;
    const FieldDecl *Field;
    const VarDecl *To;
    SourceLocation Loc;
  };
  std::vector<SelfStore> SelfStores;
  std::set<const VarDecl *> Outer;
  unsigned Depth = 0, Loops = 0;
  std::vector<unsigned> LoopStack; // the serials of the loops the walk is in
  unsigned LoopSerial = 0;
};

CycleEvidence::CycleEvidence(ASTContext &Ctx, const ManagedTypes &MT) : Ctx(Ctx), MT(MT) {
  EvidenceScan(*this).TraverseDecl(Ctx.getTranslationUnitDecl());
}

const EvidenceSite *CycleEvidence::owningStore(const FieldDecl *F) const {
  auto It = Owning.find(F);
  return It == Owning.end() ? nullptr : &It->second;
}

bool CycleEvidence::mirrored(const FieldDecl *F, const FieldDecl *G) const {
  auto It = Mirrors.find(F);
  return It != Mirrors.end() && It->second.count(G);
}

const std::pair<const FieldDecl *const, EvidenceSite> *
CycleEvidence::mirrorOwning(const FieldDecl *F) const {
  auto It = Mirrors.find(F);
  if (It == Mirrors.end())
    return nullptr;
  for (const auto &M : It->second)
    if (owningStore(M.first))
      return &M;
  return nullptr;
}

const EvidenceSite *CycleEvidence::creates(const RecordDecl *Creator,
                                           const RecordDecl *Child) const {
  auto It = Creates.find({canon(Creator), canon(Child)});
  return It == Creates.end() ? nullptr : &It->second;
}

std::map<const RecordDecl *, SourceLocation>
CycleEvidence::containerHolds(const FieldDecl *F) const {
  auto It = Holds.find(F);
  return It == Holds.end() ? std::map<const RecordDecl *, SourceLocation>() : It->second;
}

std::string CycleEvidence::where(SourceLocation L) const {
  const SourceManager &SM = Ctx.getSourceManager();
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(L));
  if (P.isInvalid())
    return "?";
  return llvm::sys::path::filename(P.getFilename()).str() + ":" + std::to_string(P.getLine());
}

// Where an owning store is: "f.c:23", or "f.c:23 (through the call at
// f.c:54)" when a call stores the object in a callee.
std::string CycleEvidence::storedAt(const EvidenceSite &O) const {
  if (O.Store.isInvalid())
    return where(O.Loc);
  return where(O.Store) + " (through the call at " + where(O.Loc) + ")";
}

// When RC_WEAK would free it: at once, or when the local that still names
// the object at the store is gone.
std::string CycleEvidence::owningWhen(const EvidenceSite &O) {
  if (!O.Local)
    return ", which RC_WEAK would free at once";
  return " once the local '" + O.Local->getName().str() +
         "' is gone, and RC_WEAK would free it then";
}

Judgement CycleEvidence::judge(const FieldDecl *F, llvm::StringRef Path, const RecordDecl *From,
                               const RecordDecl *To, bool Container, bool Array) {
  Judgement J;
  auto Name = [&](const RecordDecl *RD) { return MT.recordSpelling(RD); };
  From = canon(From);
  To = canon(To);
  if (Container) {
    J.Why = "'" + Path.str() + "' is a container, whose references cannot be made weak";
  } else if (Array) {
    J.Why = "'" + Path.str() + "' is an array, and RC_WEAK arrays are not supported";
  } else if (const EvidenceSite *O = F ? owningStore(F) : nullptr) {
    J.Why = "'" + Path.str() + "' holds the only reference to the new " + Name(O->Type) +
            " stored at " + storedAt(*O) + owningWhen(*O);
  } else if (const EvidenceSite *C = From && To && From != To ? creates(From, To) : nullptr) {
    J.Why = "'" + Path.str() + "' is an owning link: " + Name(From) + " creates the " + Name(To) +
            " objects it links to (" + where(C->Loc) + ")";
  } else if (const EvidenceSite *C = From && To && From != To ? creates(To, From) : nullptr) {
    J.Strength = 2;
    J.Why = Name(From) + " objects are created and stored by " + Name(To) + " (" +
            where(C->Loc) + "): '" + Path.str() + "' links back to the creator";
  } else if (isBackLinkName(Path, F && F->getName() == Path ? F : nullptr)) {
    J.Strength = 1;
    J.Why = "the name '" + Path.str() + "' says it links back";
  } else if (const auto *M = F && From && From == To ? mirrorOwning(F) : nullptr) {
    J.Strength = 2;
    J.Why = "'" + Path.str() + "' is set as the mirror of '" + M->first->getName().str() +
            "' (" + where(M->second.Loc) + "), which holds the only reference to the new " +
            Name(From) + ": '" + Path.str() + "' links back";
  } else if (From && From == To) {
    J.Why = "'" + Path.str() + "' is a forward link of " + Name(From) + " (a list or tree link)";
  } else {
    J.Why = "'" + Path.str() + "' has no back-link name, and no code here creates one of these "
            "objects and stores it in the other";
  }
  return J;
}

} // namespace warnings
} // namespace autorc
