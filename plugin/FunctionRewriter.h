// FunctionRewriter.h — inserts reference counting into one function body.
//
// Rules (docs/semantics.md has them with examples):
//   - strong locals get __attribute__((cleanup(rc__drop))), so every way out
//     of their scope (end of block, return, break, continue, goto) releases
//     them; uninitialised ones start NULL. Fixed-size local arrays likewise.
//   - an initialiser that is +0 is retained (rc__retain); a +1 one is taken.
//   - a store to a strong slot becomes rc__assign (retain new, store,
//     release old) or rc__assign_owned for a +1 value; RC_WEAK slots use
//     rc_weak_store; RC_UNOWNED slots are left alone.
//   - `return local` moves the local out (rc__move); other +0 results are
//     retained; parameters are borrowed, or pinned (retained on entry,
//     released on exit) when the function assigns to them.
//   - a +1 call result that nothing takes is kept in a temporary released at
//     the end of its full expression; an argument that is neither a local
//     nor a parameter is retained into such a temporary for the call, unless
//     the callee is release-free (ElisionAnalysis.h); so is a local or
//     parameter whose address is taken (the callee may overwrite it). Such
//     a keep-alive is a hold (autorc.h's rc__hold): its release makes no
//     candidate root unless a collection ran during the call.
//   - the value of a statement expression that reads the block's own strong
//     locals is retained inside the block (they die before it is used).
#ifndef AUTORC_PLUGIN_FUNCTIONREWRITER_H
#define AUTORC_PLUGIN_FUNCTIONREWRITER_H

#include "DescriptorGen.h"
#include "ElisionAnalysis.h"
#include "Edits.h"
#include "GotoGuards.h"
#include "ManagedTypes.h"
#include "MoveAnalysis.h"
#include "ValueStructs.h"
#include "Plan.h"
#include "PlanEmitter.h"
#include "clang/AST/Stmt.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace autorc {

class FunctionRewriter {
public:
  // Elide may be null (-fplugin-arg-autorc-no-elide): keep every keep-alive.
  // Owned may be null too (no owned parameters). With Elide null the
  // rewriter is naive (see docs/performance.md): every parameter retained on
  // entry, every argument kept alive, every +1 result held in a temporary
  // and retained where it is stored, `return local` retains.
  FunctionRewriter(ManagedTypes &MT, Edits &E, DescriptorGen &DG,
                   std::set<std::pair<clang::FileID, uint64_t>> &ArrayHelpers,
                   const ElisionAnalysis *Elide, const OwnedParams *Owned = nullptr)
      : MT(MT), E(E), DG(DG), SM(MT.context().getSourceManager()), ArrayHelpers(ArrayHelpers),
        Elide(Elide), Owned(Elide ? Owned : nullptr), Naive(!Elide), Last(MT) {}

  // Plan the function (Plan.h), then emit the plan (PlanEmitter.h) unless
  // planOnly() was set.
  void run(clang::FunctionDecl *FD);
  // The clang-tidy check: compute plans and their diagnostics, edit nothing.
  void setPlanOnly(bool B) { PlanOnly = B; }
  // -fplugin-arg-autorc-shuffle-plan=N: permute each plan before emitting.
  void setShuffle(unsigned N) { Shuffle = N; }
  // The helpers of plain structs held by value (ValueStructs.h); must be
  // set before run().
  void setValueStructs(ValueStructs *V) { VS = V; }
  // -fplugin-arg-autorc-dump-plan: record each function's plan (Plan.h).
  void setPlan(PlanLog *P) { Plan = P; }
  // Count the rc_new(T) sites per managed type in the functions that run()
  // will rewrite (call each before the first run()): see OutlineAllocSites.
  void countAllocation(clang::FunctionDecl *FD);
  void countCalls(clang::FunctionDecl *F);

  // A managed type allocated at more than this many sites in a translation
  // unit calls the runtime's rc__new at each (rc_new_typed) instead of
  // inlining the allocation fast path (RC__NEW_MANAGED) at every site: the
  // fast path is about 40 instructions of -O2 work per site, so a file
  // with hundreds of allocation sites compiled several times slower; a
  // type with a constructor function (the common shape) keeps it inline.
  static constexpr unsigned OutlineAllocSites = 4;

  // Static counts for -fplugin-arg-autorc-stats.
  unsigned Moves = 0;     // last uses moved into a slot, local or owned parameter
  unsigned OwnedArgs = 0; // +1 values passed to owned parameters without a temporary
  unsigned FreshStores = 0; // stores into a fresh object's NULL field: no release
  unsigned OutlinedAllocs = 0; // rc_new sites that call rc__new (OutlineAllocSites)
  unsigned StolenReads = 0; // `o->f = s; s = o;`: the reference moves, no retain/release

private:
  // Temp: +0 to the expression, held by a temporary until the full
  // expression ends (needs no keep-alive as an argument).
  enum class Own { Borrowed, Owned, Null, Temp };
  struct FullExpr {
    std::vector<std::string> TempDecls;
    clang::Expr *Root = nullptr; // for last-use moves (MoveAnalysis.h)
    bool IsReturn = false;       // Root is the value of a return
    // Root is a declaration's brace list: no block can enclose it, so each
    // element holds its own temporaries (initElement).
    bool BraceList = false;
  };

  // Statements.
  void walkStmt(clang::Stmt *S);
  void walkSwitchBody(clang::Stmt *Body);
  void handleLocal(clang::VarDecl *VD);
  void handleLocalArray(clang::VarDecl *VD, SlotKind K, clang::SourceLocation DeclEnd, uint64_t N,
                        clang::Qualifiers Q);
  void handleWeakLocalArray(clang::VarDecl *VD, clang::SourceLocation DeclEnd, uint64_t N,
                            clang::Qualifiers Q);
  std::string weakArrayHelper(uint64_t N, clang::Qualifiers Q);
  void handleWeakLocal(clang::VarDecl *VD, clang::SourceLocation DeclEnd, bool Volatile);
  void handleStrongLocal(clang::VarDecl *VD, clang::SourceLocation DeclEnd, bool Volatile);
  void handleReturn(clang::ReturnStmt *RS);
  void pinParams(clang::FunctionDecl *FD);

  // Full expressions: Discard (statement), Value (condition, plain init).
  void fullDiscard(clang::Expr *E);
  void fullValue(clang::Expr *E);
  FullExpr *beginFull(FullExpr &F);
  void endFull(clang::Expr *Root, FullExpr &F, FullExpr *Saved);

  // Expressions (post-order: inner edits first).
  Own walk(clang::Expr *E, bool Consumed, bool Discarded);
  // Site: the expression a temporary or release wraps (C, or the whole
  // expansion of the <autorc.h> macro that C comes from).
  Own walkCall(clang::CallExpr *C, bool Consumed, bool Discarded, clang::Expr *Site = nullptr);
  Own walkConditional(clang::ConditionalOperator *CO, bool Consumed, bool Discarded);
  Own walkStmtExpr(clang::StmtExpr *SE, bool Consumed, bool Discarded);
  Own walkStmtExprValue(clang::StmtExpr *SE, clang::Expr *V, bool Consumed, bool Discarded);
  // `&v` for a generated call's slot argument (a cast drops `volatile` or
  // `const`).
  std::string addrOf(const clang::VarDecl *VD) const;
  Own walkStore(clang::BinaryOperator *BO, bool Consumed, bool Discarded);
  bool rcNewExpansion(clang::Expr *E, Own &Result);
  Own unstoredNew(clang::Expr *E, bool Discarded);
  clang::SourceRange invocationText(clang::SourceLocation B, clang::SourceLocation End) const;
  bool runtimeMacroCall(clang::Expr *E, bool Consumed, bool Discarded, Own &Result);
  void makeTemp(clang::Expr *E, clang::QualType T, bool KeepAlive, llvm::StringRef What,
                clang::SourceRange Text = clang::SourceRange());
  std::string tempDecl(clang::QualType T, clang::SourceLocation Loc, bool KeepAlive,
                       const std::string &Name, Action &A);
  void retainIfBorrowed(clang::Expr *E, Own O);
  // Wrap a last use of an owned local in rc__move (MoveAnalysis.h).
  bool tryMove(clang::Expr *E);

  // Plain structs held by value (FunctionRewriterValues.cpp).
  bool handleValueLocal(clang::VarDecl *VD);
  Own walkValueStore(clang::BinaryOperator *BO, bool Consumed, bool Discarded);
  Own objectStore(clang::BinaryOperator *BO, const std::string &Fn, bool Discarded);
  Own walkTagStore(clang::BinaryOperator *BO, const clang::FieldDecl *Tag);
  void checkUnionStore(clang::Expr *LHS);
  void checkUnionAddress(clang::Expr *Of);
  void planUnionCheck(const UnionMemberStore &S, clang::Expr *LHS);
  Own walkCompoundLiteral(clang::CompoundLiteralExpr *CL, bool Consumed);
  void walkInitList(clang::InitListExpr *ILE, bool Counted);
  void initElement(clang::Expr *Init, const std::function<void()> &Walk);
  std::string valueHelpers(clang::QualType T, clang::SourceLocation Use);
  void valueSlotsCall(clang::CallExpr *C);
  void wholeStructCall(clang::CallExpr *C);
  void slotsArrayCall(clang::CallExpr *C);
  bool isOwnedValueRef(const clang::Expr *E) const;
  std::string pinValueParam(clang::ParmVarDecl *P);
  // `register` and `restrict` on a variable whose address the counting
  // takes: their tokens are deleted (FunctionRewriterKeywords.cpp).
  void makeAddressable(const clang::VarDecl *VD);
  clang::SourceLocation keywordToken(const clang::VarDecl *VD, clang::SourceLocation From,
                                     std::initializer_list<llvm::StringRef> Words);
  void dropKeyword(const clang::VarDecl *VD, clang::SourceLocation At, llvm::StringRef Word,
                   const std::string &Through);
  // `const` on an RC_WEAK local, which the runtime clears: deleted too.
  void dropWeakConst(const clang::VarDecl *VD);
  // A cleanup for a counted local: the attribute, or a guard when a goto
  // jumps past the declaration (GotoGuards.h).
  void addCleanup(clang::VarDecl *VD, clang::SourceLocation DeclEnd, const std::string &Drop,
                  llvm::StringRef What);
  bool isCountedLocal(const clang::VarDecl *VD) const;
  void guardBlock(clang::CompoundStmt *CS);
  void guardDecl(clang::DeclStmt *DS);
  void readGuardedTemps(clang::DeclStmt *DS, clang::VarDecl *VD);
  void guardGoto(clang::Stmt *G);

  bool isOwnedLocalRef(const clang::Expr *E) const;
  bool isLocalOrParamRef(const clang::Expr *E) const;
  std::string declaratorEndText(clang::VarDecl *VD, clang::SourceLocation &At);
  std::string arrayHelper(uint64_t N, clang::Qualifiers Q);
  std::string movePrefix(const clang::Expr *Ref) const; // "rc__move(&(" 

  // Plan.h: add action A to the function's plan if its text can be edited
  // (PlanEmitter::check); otherwise only its label stays (the diagnostic
  // was reported) and the result is false.
  bool plan(Action A);
  static Action act(Act K, clang::SourceRange R, llvm::StringRef What, std::string A = "",
                    std::string B = "");
  static Action actAt(Act K, clang::SourceLocation At, llvm::StringRef What, std::string A = "");
  // The dump's name of A, printed at L with Subject (text only with dump-plan).
  Action &label(Action &A, llvm::StringRef Label, clang::SourceLocation L,
                const clang::Expr *Subject);
  Action &label(Action &A, llvm::StringRef Label, clang::SourceLocation L,
                llvm::StringRef Subject);
  // A label-only action (Act::Note): a fact or a decision without an edit.
  void note(clang::SourceLocation L, llvm::StringRef Label, const clang::Expr *Subject);
  void note(clang::SourceLocation L, llvm::StringRef Label, llvm::StringRef Subject);

  ManagedTypes &MT;
  PlanLog *Plan = nullptr;
  bool PlanOnly = false;
  unsigned Shuffle = 0;
  Edits &E;
  DescriptorGen &DG;
  const clang::SourceManager &SM;
  std::set<std::pair<clang::FileID, uint64_t>> &ArrayHelpers;
  const ElisionAnalysis *Elide;
  const OwnedParams *Owned;
  bool Naive;
  LastUses Last;

  // Static facts of the translation unit (countAllocation): rc_new
  // expansion locations per managed record; direct calls per function
  // (canonical) from the other functions of the main file.
  std::map<const clang::RecordDecl *, std::set<unsigned>> AllocSites;
  std::map<const clang::FunctionDecl *, unsigned> Callers;
  ValueStructs *VS = nullptr;
  // Array-to-pointer conversions that reach an element (`a[i]`, `*(a +
  // i)`), not an array's address (checkUnionAddress).
  std::set<const clang::ImplicitCastExpr *> ElementDecays;

  // Everything that belongs to the function being rewritten, reset as a
  // whole when run() starts one (a member left over from the previous
  // function cannot leak into the next).
  struct FunctionState {
    clang::FunctionDecl *FD = nullptr;
    bool ReturnsOwned = false;
    std::set<const clang::VarDecl *> OwnedVars; // strong locals and pinned params
    // Borrowed iteration variables (MoveAnalysis.h): left uncounted.
    std::set<const clang::VarDecl *> BorrowedVars;
    // Locals and parameters whose address is taken (`&v` anywhere in the
    // function): a callee may store through that address while the
    // variable is its argument (`pop(&head, head)`), so such an argument
    // is kept alive like a field argument, never passed as a stable local.
    std::set<const clang::VarDecl *> AddrTaken;
    // Variables made addressable (makeAddressable), and the keyword tokens
    // deleted for them (one `register` may serve several declarators).
    std::set<const clang::VarDecl *> Addressable;
    std::set<unsigned> DroppedKeywords;
    std::vector<const clang::CallExpr *> SetjmpCalls;
    // Stores into a fresh object (FunctionRewriter.cpp, "Fresh objects"):
    // the slot holds NULL, or its reference was taken by the statement
    // before: a plain store, no release of the old value.
    std::set<const clang::BinaryOperator *> NoReleaseStores;
    // Stores whose value is read from a slot that the next statement
    // overwrites: they take the slot's reference (no retain).
    std::set<const clang::BinaryOperator *> StealingStores;
    FullExpr *Cur = nullptr; // the innermost full expression being walked
    unsigned NextTemp = 0;   // rc__t<N> temporaries
    std::set<const clang::VarDecl *> OwnedValues; // struct locals and pinned struct params
    GotoGuards Guards;
    std::map<const clang::Stmt *, std::string> GuardDecls; // block -> guard declarations
    std::map<const clang::VarDecl *, std::string> GuardDrops; // guarded local -> its cleanup
    std::string PendingRegistrations; // for the declaration statement being rewritten
    FunctionPlan Plan;                // the decisions, in post-order (Plan.h)
  };
  FunctionState St;
  void findBorrowedVars(clang::FunctionDecl *FD);
  void findFreshStores(clang::FunctionDecl *FD);
  bool scanFresh(const clang::VarDecl *VD, llvm::ArrayRef<clang::Stmt *> After,
                 std::set<const clang::FieldDecl *> &Stored);
  bool scanFreshIf(const clang::VarDecl *VD, clang::IfStmt *If,
                   std::set<const clang::FieldDecl *> &Stored);
  bool markFreshStore(const clang::VarDecl *VD, clang::Stmt *S, bool Escapes,
                      const std::set<const clang::FieldDecl *> &Stored,
                      llvm::ArrayRef<clang::Stmt *> Rest);
};

} // namespace autorc

#endif
