// PlanEmitter.cpp — see PlanEmitter.h.
#include "PlanEmitter.h"
#include "clang/Lex/Lexer.h"
#include <algorithm>
#include <random>
#include <tuple>

using namespace clang;

namespace autorc {

namespace {
// Where two actions' texts meet on one span, which encloses which: token
// replacements and a union member's tag check (an lvalue stays an lvalue)
// innermost, then a store (its text splits the span at the
// `=`, so anything else on the span must enclose it: `return g = f();`
// retains the store's value, `rc__retain(rc__assign_owned(&(g ), f()))`),
// a temporary capturing the raw value, the value-level wraps around it
// (`rc__retain((rc__t1 = f()))`), the block holding a full expression's
// temporaries, the weak reload around that block, a goto's guard; the
// single-place insertions are ordered among themselves (a cleanup
// attribute before the initialiser it precedes, the pins before the guards
// declared after the same `{`).
int rank(Act K) {
  switch (K) {
  case Act::GuardedDecl:
  case Act::DropKeyword:
  case Act::RcNew:
  case Act::CallRename:
  case Act::UnionSlot:
    return 0;
  case Act::Store:
  case Act::ValueStore:
    return 1;
  case Act::Temp:
    return 2;
  case Act::TempBlock:
    return 4;
  case Act::WeakReload:
    return 5;
  case Act::GotoGuard:
    return 6;
  case Act::Cleanup:
    return 7;
  case Act::Init:
    return 8;
  case Act::Pins:
    return 9;
  case Act::AfterToken:
    return 10;
  case Act::Helper:
    return 11;
  default:
    return 3;
  }
}

// Text inserted after a token, which belongs to that token (PlanEmitter.h).
bool bindsToToken(Act K) {
  return K == Act::Cleanup || K == Act::Init || K == Act::Pins || K == Act::AfterToken;
}
} // namespace

// The file span of A's edits: the range it wraps, the token it replaces or
// the point it inserts at; invalid (sorted first, reported when emitted)
// when the text cannot be edited.
PlanEmitter::Span PlanEmitter::span(const Action &A) const {
  const SourceManager &SM = E.rewriter().getSourceMgr();
  const LangOptions &LO = E.rewriter().getLangOpts();
  auto Off = [&](SourceLocation L) {
    return L.isValid() ? SM.getDecomposedLoc(SM.getExpansionLoc(L)) : std::pair<FileID, unsigned>();
  };
  auto Tok = [&](SourceLocation L) {
    return L.isValid() && L.isFileID() ? Lexer::MeasureTokenLength(L, SM, LO) : 0;
  };
  switch (A.Kind) {
  case Act::Note:
    return Span();
  case Act::Cleanup:
  case Act::Init:
  case Act::Pins:
  case Act::AfterToken: {
    auto O = Off(A.At);
    O.second += Tok(A.At);
    return {O.first, O.second, O.second};
  }
  case Act::Helper: {
    auto O = Off(A.At);
    return {O.first, O.second, O.second};
  }
  case Act::GuardedDecl:
  case Act::DropKeyword: {
    auto O = Off(A.At);
    return {O.first, O.second, O.second + Tok(A.At)};
  }
  case Act::RcNew:
  case Act::CallRename: {
    auto O = Off(A.At), C = Off(A.At2);
    return {O.first, O.second, C.second};
  }
  default: {
    CharSourceRange CR =
        Lexer::makeFileCharRange(CharSourceRange::getTokenRange(A.Range), SM, LO);
    if (CR.isInvalid())
      return Span();
    auto B = SM.getDecomposedLoc(CR.getBegin()), En = SM.getDecomposedLoc(CR.getEnd());
    return {B.first, B.second, En.second};
  }
  }
}

// Inner edits first, siblings in source order: by where the span ends,
// then the wider span later, then rank() for the same span; the rest of
// the key only makes the order total (identical actions commute).
std::vector<const Action *> PlanEmitter::order(const std::vector<Action> &Actions) const {
  struct Keyed {
    Span S;
    const Action *A;
  };
  std::vector<Keyed> K;
  for (const Action &A : Actions)
    if (A.Kind != Act::Note)
      K.push_back({span(A), &A});
  std::sort(K.begin(), K.end(), [](const Keyed &X, const Keyed &Y) {
    auto Key = [](const Keyed &Z) {
      return std::make_tuple(Z.S.File, Z.S.End, -static_cast<long long>(Z.S.Begin),
                             rank(Z.A->Kind), static_cast<int>(Z.A->Kind), std::cref(Z.A->A),
                             std::cref(Z.A->B));
    };
    return Key(X) < Key(Y);
  });
  std::vector<const Action *> Out;
  for (const Keyed &X : K)
    Out.push_back(X.A);
  return Out;
}

bool PlanEmitter::check(Edits &E, const Action &A) {
  switch (A.Kind) {
  case Act::Note:
    return true;
  case Act::Store:
  case Act::ValueStore:
    return E.canWrap(A.Range, A.What) && E.canEdit(A.At, A.What);
  case Act::Cleanup:
  case Act::GuardedDecl:
  case Act::DropKeyword:
  case Act::Init:
  case Act::Pins:
  case Act::AfterToken:
  case Act::Helper:
    return E.canEdit(A.At, A.What);
  case Act::RcNew:
    return E.canEdit(A.At, A.What);
  case Act::CallRename:
    return E.canEdit(A.At, A.What) && E.canEdit(A.At2, A.What);
  default:
    return E.canWrap(A.Range, A.What);
  }
}

void PlanEmitter::emit(const FunctionPlan &P, unsigned Shuffle) {
  std::vector<Action> Actions = P.Actions;
  if (Shuffle)
    std::shuffle(Actions.begin(), Actions.end(), std::mt19937(Shuffle));
  std::vector<const Action *> AfterToken;
  for (const Action *A : order(Actions)) {
    if (bindsToToken(A->Kind))
      AfterToken.push_back(A);
    else
      emit(*A);
  }
  // Each goes before the text at its offset: in reverse order, so several
  // at one offset keep order()'s order, and before a wrap's prefix there.
  for (auto It = AfterToken.rbegin(); It != AfterToken.rend(); ++It)
    emitAfterToken(**It);
}

void PlanEmitter::emitAfterToken(const Action &A) {
  if (A.Kind == Act::Cleanup)
    E.insertAfterToken(A.At, " __attribute__((cleanup(" + A.A + ")))", A.What);
  else
    E.insertAfterToken(A.At, A.A, A.What);
}

void PlanEmitter::emit(const Action &A) {
  switch (A.Kind) {
  case Act::Note:
    return;
  case Act::Store:
  case Act::ValueStore:
    if (E.fileRange(A.Range, A.What).isInvalid() || !E.replaceToken(A.At, "),", A.What))
      return;
    if (A.Kind == Act::Store)
      E.wrap(A.Range, A.A, A.B, A.What);
    else // B: "(void *)" for a volatile struct
      E.wrap(A.Range, A.A + "(" + A.B + "&(", ")", A.What);
    return;
  case Act::GuardedDecl:
  case Act::DropKeyword:
    E.replaceToken(A.At, A.A, A.What);
    return;
  case Act::Helper:
    E.insertBefore(A.At, A.A, A.What);
    return;
  case Act::RcNew:
  case Act::CallRename:
    if (E.replaceToken(A.At, A.A, A.What))
      E.insertBefore(A.At2, A.B, A.What);
    return;
  default:
    emitWrap(A);
    return;
  }
}

// The families that enclose an expression or a statement.
void PlanEmitter::emitWrap(const Action &A) {
  switch (A.Kind) {
  case Act::Retain:
    E.wrap(A.Range, "rc__retain(", ")", A.What);
    return;
  case Act::ValueRetain:
    E.wrap(A.Range, A.A + "_retain(", ")", A.What);
    return;
  case Act::Move:
    E.wrap(A.Range, A.A, "))", A.What);
    return;
  case Act::ValueMove:
    E.wrap(A.Range, A.A + "_move(" + A.B + "&(", "))", A.What); // B: "(void *)" for a volatile one
    return;
  case Act::Temp:
    E.wrap(A.Range, "(" + A.A + " = " + A.B, A.B.empty() ? ")" : "))", A.What);
    return;
  case Act::TempBlock:
    E.wrap(A.Range, "__extension__({ " + A.A, "; })", A.What);
    return;
  case Act::Release:
    E.wrap(A.Range, "rc_decref(", ")", A.What);
    return;
  case Act::ValueRelease:
    E.wrap(A.Range, A.A + "_release(", ")", A.What);
    return;
  case Act::WeakInit:
    E.wrap(A.Range, "rc__weak_init_v(" + A.A + ", ", ")", A.What);
    return;
  case Act::WeakReload:
    E.wrap(A.Range, "rc__weak_reload(" + A.A + ", ", ")", A.What);
    return;
  case Act::GotoGuard:
    E.wrap(A.Range, A.A + " ", "; })", A.What);
    return;
  case Act::UnionSlot:
    E.wrap(A.Range, "(*" + A.A + "(&(", ")))", A.What);
    return;
  default:
    return;
  }
}

} // namespace autorc
