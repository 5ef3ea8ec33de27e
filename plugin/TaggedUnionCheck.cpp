// TaggedUnionCheck.cpp — [autorc-unsupported] stores that would change a
// tagged union member by member (docs/semantics.md, "Tagged unions").
//
// An RC_TAGGED(tag, value) union member holds a reference only while the
// tag says so. Counted, with the tag read when the store runs: a plain `=`
// to the tag (ValueStructs::tagStore: a changed tag releases the members
// the old one made live and starts those the new one makes live NULL) and
// a store to a member, or to a part of one (an element, a field: `x.u.m`,
// `p->u.m[i]`, `p->u.m.f`), whose holder can be spelled
// (FunctionRewriter::checkUnionStore: a fatal error under another tag).
// Refused, each with what is wrong and the way that works: a compound
// store or increment of the tag or of a tagged member's reference, a
// bit-field tag, a member reached through a pointer to the union or in a
// holder that cannot be spelled (no check can find the tag), and taking
// the address of the tag or of a tagged member, through which the plugin
// cannot see the stores.
#include "Checks.h"
#include "SlotLayout.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace autorc {

namespace {
const char *const WholeStruct = "or assign the whole struct, e.g. 'v = (struct value){.tag = T, "
                                ".u.member = x}'";

class TaggedStoreCheck : public UserCodeVisitor<TaggedStoreCheck> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  enum class Use { Store, Compound, Address };
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      check(BO->getLHS(), BO->getOperatorLoc(),
            BO->getOpcode() == BO_Assign ? Use::Store : Use::Compound);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      check(UO->getSubExpr(), UO->getOperatorLoc(), Use::Compound);
    else if (UO->getOpcode() == UO_AddrOf)
      check(UO->getSubExpr(), UO->getOperatorLoc(), Use::Address);
    return true;
  }

private:
  void check(Expr *LHS, SourceLocation At, Use U) {
    UnionMemberStore S;
    bool Checked = unionMemberStore(MT, LHS, S);
    if (Checked && U != Use::Address && (U == Use::Store || !MT.isManagedPtr(LHS->getType())))
      return; // checked when it runs (FunctionRewriter::checkUnionStore)
    if (Checked && U == Use::Address && !S.Tagged)
      return; // a plain member's address: checked when it is taken
    // Walk out from the stored lvalue to the union member or tag it is
    // (or is a part of), through elements and fields held by value.
    const Expr *E = LHS->IgnoreParenImpCasts();
    for (bool Whole = true;; Whole = false) {
      if (isa<ArraySubscriptExpr>(E) || isa<UnaryOperator>(E)) {
        E = elementArray(E);
        if (!E)
          return; // through a pointer: not the union's bytes
        continue;
      }
      const auto *ME = dyn_cast<MemberExpr>(E);
      const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
      if (!F)
        return;
      std::string Tag, Value;
      bool Tagged = taggedAnnotation(F, Tag, Value);
      if (Tagged || inTaggedUnion(F))
        return member(At, U, F, ME, Whole, Tagged);
      if (Whole && isTagField(F) && !(U == Use::Store && countedTagStore(F)))
        return tag(At, U, F);
      if (ME->isArrow())
        return;
      E = ME->getBase()->IgnoreParenImpCasts();
    }
  }

  // A union member (or a part of one) the run-time check cannot cover.
  void member(SourceLocation At, Use U, const FieldDecl *F, const MemberExpr *ME, bool Whole,
              bool Tagged) {
    std::string What = std::string(U == Use::Address ? "the address of " : "a store to ") +
                       (Whole ? "" : "a part of ") + "the " +
                       (Tagged ? "RC_TAGGED union member '" : "member '") + F->getName().str() +
                       "'" + (Tagged ? "" : " of a union holding RC_TAGGED members");
    std::string Why;
    const auto *Outer = dyn_cast<MemberExpr>(ME->getBase()->IgnoreParenImpCasts());
    const auto *OuterF = Outer ? dyn_cast<FieldDecl>(Outer->getMemberDecl()) : nullptr;
    if (!ME->isArrow() && OuterF && OuterF->getParent()->isUnion())
      Why = "its union is a member of another union, and the tag check covers one union "
            "directly inside the struct that holds the tag; make its members members of the "
            "outer union, " + std::string(WholeStruct);
    else if (U == Use::Address && Tagged)
      Why = "stores through the address would not be seen, and the old bits may be a live "
            "reference; store to the member itself";
    else if (U == Use::Compound && Tagged)
      Why = "a reference cannot be computed from the old one; store a pointer with a plain "
            "'='";
    else if (ME->isArrow() || !isa<MemberExpr>(ME->getBase()->IgnoreParenImpCasts()))
      Why = "the run-time tag check needs the struct that holds the union and its tag; store "
            "through that struct ('v->u.member = x'), " + std::string(WholeStruct);
    else
      Why = "the struct that holds the union has no name the generated tag check can spell; "
            "give it a tag or a typedef name, " + std::string(WholeStruct);
    D.report(At, diag::TaggedMemberStore, {What, Why});
  }

  void tag(SourceLocation At, Use U, const FieldDecl *F) {
    std::string Name = F->getName().str();
    std::string What, Why;
    if (U == Use::Address) {
      What = "the address of the tag field '" + Name + "'";
      Why = "stores through it would not release the members the old tag made live; assign "
            "the tag itself ('v->" + Name + " = x')";
    } else if (U == Use::Compound) {
      What = "a compound store to the tag field '" + Name + "'";
      Why = "only a plain '=' to the tag is counted (it releases the members the old tag "
            "made live); write 'v->" + Name + " = new value'";
    } else {
      What = "a store to the " + std::string(F->isBitField() ? "bit-field " : "") +
             "tag field '" + Name + "'";
      Why = "the counted store needs the tag's address; make the tag an ordinary field, " +
            std::string(WholeStruct);
    }
    D.report(At, diag::TaggedMemberStore, {What, Why});
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
};
} // namespace

void runTaggedUnionCheck(TranslationUnitDecl *TU, const ManagedTypes &MT, DiagSink &D) {
  TaggedStoreCheck(MT, D).TraverseDecl(TU);
}

} // namespace autorc
