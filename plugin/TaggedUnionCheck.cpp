// TaggedUnionCheck.cpp — [autorc-unsupported] stores that would change a
// tagged union member by member (docs/semantics.md, "Tagged unions").
//
// An RC_TAGGED(tag, value) union member holds a reference only while the
// tag says so. Counted, with the tag read when the store runs: a plain `=`
// to the tag (ValueStructs::tagStore: a changed tag releases the members
// the old one made live and starts those the new one makes live NULL) and
// a plain `=` to a member written `x.u.m` or `p->u.m` whose holder can be
// named (FunctionRewriter::checkUnionStore: a fatal error under another
// tag). Refused, with the way that works (a whole assignment of the
// struct): a compound store or increment of either, a bit-field tag, a
// member reached otherwise (through a pointer to the union), a store into
// a part of a member (`v->u.pt.x`, `v->u.arr[0]`: the check covers whole
// members), and taking the address of either, through which the plugin
// cannot see the stores.
#include "Checks.h"
#include "SlotLayout.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace autorc {

namespace {
class TaggedStoreCheck : public UserCodeVisitor<TaggedStoreCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  enum class Use { Store, Address };
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      check(BO->getLHS(), BO->getOperatorLoc(), Use::Store, BO->getOpcode() == BO_Assign);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      check(UO->getSubExpr(), UO->getOperatorLoc(), Use::Store);
    else if (UO->getOpcode() == UO_AddrOf)
      check(UO->getSubExpr(), UO->getOperatorLoc(), Use::Address);
    return true;
  }

private:
  void check(Expr *LHS, SourceLocation At, Use U, bool PlainStore = false) {
    const Expr *E = LHS->IgnoreParenImpCasts();
    const char *What = U == Use::Store ? "a store to" : "the address of";
    bool First = true, Store = U == Use::Store;
    for (;;) {
      // An element of an array member (`v->u.arr[0]`) is stored into the
      // member's own bytes: the member is what the store changes.
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
        const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
        if (!isa<MemberExpr>(Base) || !Base->getType()->isArrayType())
          return;
        const auto *F = dyn_cast<FieldDecl>(cast<MemberExpr>(Base)->getMemberDecl());
        std::string Tag, Value;
        if (F && taggedAnnotation(F, Tag, Value))
          return; // an element of a tagged member: counted like any slot (not checked)
        First = false;
        E = Base;
        continue;
      }
      const auto *ME = dyn_cast<MemberExpr>(E);
      if (!ME)
        return;
      const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
      std::string Tag, Value;
      UnionMemberStore S;
      if (F && taggedAnnotation(F, Tag, Value) &&
          !(First && PlainStore && unionMemberStore(MT, E, S))) {
        report(At, std::string(What) + " the RC_TAGGED union member '" + F->getName().str() +
                       "'", ME);
        return;
      }
      // Any other member's bytes, stored into by a path the run-time tag
      // check (FunctionRewriter::checkUnionStore) does not cover
      // (`v->u.pt.x = 1`, `v->u.arr[0] = 1`), may be a live reference's: it
      // would be overwritten and later released.
      // So may a whole member whose holder cannot be named for the check
      // (`l->head.u.i = 1`, `head` of an unnamed struct type).
      if (Store && F && inTaggedUnion(F) && !(First && unionMemberStore(MT, E, S))) {
        report(At, std::string(What) + (First ? " the member '" : " a part of the member '") +
                       F->getName().str() + "' of a union holding RC_TAGGED members", ME);
        return;
      }
      if (F && First && isTagField(F) && !(PlainStore && countedTagStore(F))) {
        report(At, std::string(What) + " the tag field '" + F->getName().str() + "'", ME);
        return;
      }
      First = false;
      if (ME->isArrow())
        return;
      E = ME->getBase()->IgnoreParenImpCasts();
    }
  }

  static bool inTaggedUnion(const FieldDecl *F) {
    const RecordDecl *U = F->getParent();
    if (!U->isUnion())
      return false;
    std::string Tag, Value;
    for (const FieldDecl *M : U->fields())
      if (taggedAnnotation(M, Tag, Value))
        return true;
    return false;
  }

  void report(SourceLocation At, const std::string &What, const MemberExpr *ME) {
    D.report(At, diag::TaggedMemberStore, {What});
  }
};
} // namespace

void runTaggedUnionCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  TaggedStoreCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
