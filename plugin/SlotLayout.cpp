// SlotLayout.cpp — see SlotLayout.h.
#include "SlotLayout.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecordLayout.h"

using namespace clang;

namespace autorc {

bool taggedAnnotation(const Decl *D, std::string &Tag, std::string &Value) {
  if (!D)
    return false;
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    llvm::StringRef S = A->getAnnotation();
    if (!S.consume_front("autorc_tagged:"))
      continue;
    auto Parts = S.split(':');
    Tag = Parts.first.trim().str();
    Value = Parts.second.trim().str();
    return true;
  }
  return false;
}

namespace {
bool holdsUnionTaggedBy(const RecordDecl *R, llvm::StringRef Name, unsigned Depth) {
  if (!R || Depth > 8)
    return false;
  for (const FieldDecl *F : R->fields()) {
    const auto *RT = F->getType()->getAs<RecordType>();
    const RecordDecl *Sub = RT ? RT->getDecl()->getDefinition() : nullptr;
    if (!Sub)
      continue;
    if (Sub->isUnion())
      for (const FieldDecl *M : Sub->fields()) {
        std::string Tag, Value;
        if (taggedAnnotation(M, Tag, Value) && Tag == Name)
          return true;
      }
    if (F->isAnonymousStructOrUnion() && holdsUnionTaggedBy(Sub, Name, Depth + 1))
      return true;
  }
  return false;
}
} // namespace

const RecordDecl *tagHolder(const FieldDecl *F) {
  const RecordDecl *RD = F->getParent();
  while (RD->isAnonymousStructOrUnion())
    if (const auto *Outer = dyn_cast<RecordDecl>(RD->getDeclContext()))
      RD = Outer;
    else
      break;
  return RD;
}

bool isTagField(const FieldDecl *F) {
  return F && !F->getName().empty() && holdsUnionTaggedBy(tagHolder(F), F->getName(), 0);
}

bool countedTagStore(const FieldDecl *F) {
  return isTagField(F) && !F->isBitField() && !F->getParent()->isUnion();
}

namespace {
bool spellRecordAt(const ManagedTypes &MT, const RecordDecl *RD, std::string &Type,
                   std::string &Name, unsigned Depth) {
  Type = MT.recordSpelling(RD);
  if (!Type.empty()) {
    Name = RD->getName().empty() ? Type : RD->getName().str();
    return true;
  }
  const auto *Parent = dyn_cast<RecordDecl>(RD->getDeclContext());
  std::string PT, PN;
  if (!Parent || Depth > 8 || !spellRecordAt(MT, Parent, PT, PN, Depth + 1))
    return false;
  for (const FieldDecl *F : Parent->fields()) {
    const auto *RT = F->getType()->getAs<RecordType>();
    if (!RT || RT->getDecl()->getCanonicalDecl() != RD->getCanonicalDecl() ||
        F->getName().empty())
      continue;
    Type = "__typeof__(((" + PT + " *)0)->" + F->getName().str() + ")";
    Name = PN + "_" + F->getName().str();
    return true;
  }
  return false;
}

bool hasTaggedMember(const RecordDecl *U) {
  std::string Tag, Value;
  for (const FieldDecl *M : U->fields())
    if (taggedAnnotation(M, Tag, Value))
      return true;
  return false;
}

// The member of a union holding RC_TAGGED members that a store into LHS
// changes: LHS itself or the member LHS is a part of, reached from it
// through elements of arrays and fields of structs (and of plain unions)
// held by value; null if a pointer lies between (the store is elsewhere).
const MemberExpr *storedUnionMember(const Expr *LHS) {
  const Expr *E = LHS->IgnoreParenImpCasts();
  for (;;) {
    if (isa<ArraySubscriptExpr>(E) || isa<UnaryOperator>(E)) {
      E = elementArray(E);
      if (!E)
        return nullptr;
      continue;
    }
    const auto *ME = dyn_cast<MemberExpr>(E);
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!F)
      return nullptr;
    if (F->getParent()->isUnion() && hasTaggedMember(F->getParent()))
      return ME;
    if (ME->isArrow())
      return nullptr;
    E = ME->getBase()->IgnoreParenImpCasts();
  }
}
} // namespace

bool spellRecord(const ManagedTypes &MT, const RecordDecl *RD, std::string &Type,
                 std::string &Name) {
  return spellRecordAt(MT, RD, Type, Name, 0);
}

const Expr *elementArray(const Expr *E) {
  const ImplicitCastExpr *Decay = elementDecay(E);
  return Decay ? Decay->getSubExpr()->IgnoreParenImpCasts() : nullptr;
}

const ImplicitCastExpr *elementDecay(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  const Expr *P = nullptr;
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    P = ASE->getBase();
  } else if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref) {
    P = U->getSubExpr()->IgnoreParens();
    if (const auto *BO = dyn_cast<BinaryOperator>(P); BO && BO->isAdditiveOp())
      P = BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS();
  }
  const auto *Decay = P ? dyn_cast<ImplicitCastExpr>(P->IgnoreParens()) : nullptr;
  return Decay && Decay->getCastKind() == CK_ArrayToPointerDecay ? Decay : nullptr;
}

bool unionMemberStore(const ManagedTypes &MT, const Expr *LHS, UnionMemberStore &Out) {
  const MemberExpr *ME = storedUnionMember(LHS);
  const auto *M = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!M || ME->isArrow() || M->getName().empty())
    return false;
  const auto *UME = dyn_cast<MemberExpr>(ME->getBase()->IgnoreParenImpCasts());
  const auto *U = UME ? dyn_cast<FieldDecl>(UME->getMemberDecl()) : nullptr;
  if (!U)
    return false;
  const RecordDecl *Holder = U->getParent();
  std::string Type, Name;
  if (Holder->isUnion() || !spellRecord(MT, Holder, Type, Name))
    return false;
  std::string Want, Tag, Value;
  for (const FieldDecl *F : M->getParent()->fields()) {
    if (!taggedAnnotation(F, Tag, Value))
      continue;
    if (F == M) {
      Out.Tagged = true;
      Want = "s->" + Tag + " == (" + Value + ")";
      break;
    }
    Want += (Want.empty() ? "" : " && ") + ("s->" + Tag + " != (" + Value + ")");
  }
  if (Want.empty())
    return false; // no RC_TAGGED member: a plain union
  Out.Holder = Holder;
  Out.Member = M;
  Out.MemberRef = ME;
  Out.Part = ME != LHS->IgnoreParenImpCasts();
  Out.Path = (U->isAnonymousStructOrUnion() ? "" : U->getName().str() + ".") + M->getName().str();
  Out.Want = Want;
  return true;
}

namespace {
class Flattener {
public:
  Flattener(const ManagedTypes &MT, std::vector<SlotPath> &Out, std::vector<SlotProblem> *P)
      : MT(MT), Out(Out), Problems(P) {}

  // The fields of a struct or union whose value starts at Path.
  void record(const RecordDecl *RD, const std::string &Path, const std::string &CondPath,
              const std::string &CondValue, uint64_t Base) {
    const RecordDecl *Def = RD->getDefinition();
    if (!Def || ++Depth > 32) // an incomplete type or a runaway nesting
      return;
    const ASTRecordLayout &Layout = MT.context().getASTRecordLayout(Def);
    for (const FieldDecl *F : Def->fields()) {
      uint64_t Off = Base + MT.context()
                                .toCharUnitsFromBits(Layout.getFieldOffset(F->getFieldIndex()))
                                .getQuantity();
      if (MT.slotKindOf(F) == SlotKind::Unowned || ManagedTypes::hasAnnotation(F, "autorc_unowned"))
        continue;
      std::string FPath = F->isAnonymousStructOrUnion() || F->getName().empty()
                              ? Path
                              : Path + "." + F->getName().str();
      std::string CP = CondPath, CV = CondValue;
      if (Def->isUnion() && MT.containsManagedSlots(F->getType())) {
        std::string Tag, Value;
        if (!taggedAnnotation(F, Tag, Value)) {
          problem(F, true, diag::FieldUntaggedUnion, {F->getName().str()});
          continue;
        }
        if (!CondPath.empty()) {
          problem(F, false, diag::FieldNestedTagged, {F->getName().str()});
          continue;
        }
        if (!UnionParent || !hasField(UnionParent, Tag)) {
          problem(F, false, diag::FieldTaggedNoTagField, {Tag, F->getName().str()});
          continue;
        }
        CP = UnionParentPath + "." + Tag;
        CV = Value;
      }
      type(F->getType(), F, FPath, Def, Path, CP, CV, Off);
    }
    --Depth;
  }

private:
  void type(QualType T, const FieldDecl *F, const std::string &Path, const RecordDecl *Parent,
            const std::string &ParentPath, const std::string &CP, const std::string &CV,
            uint64_t Off) {
    ASTContext &Ctx = MT.context();
    if (const auto *CAT = Ctx.getAsConstantArrayType(T)) {
      if (!MT.containsManagedSlots(CAT->getElementType()))
        return;
      uint64_t N = CAT->getSize().getZExtValue();
      uint64_t Size = Ctx.getTypeSizeInChars(CAT->getElementType()).getQuantity();
      for (uint64_t I = 0; I < N; ++I)
        type(CAT->getElementType(), F, Path + "[" + std::to_string(I) + "]", Parent, ParentPath,
             CP, CV, Off + I * Size);
      return;
    }
    if (const RecordDecl *To = MT.managedPointee(T)) {
      SlotPath S;
      S.Path = Path;
      S.Offset = Off;
      S.Kind = MT.slotKindOf(F) == SlotKind::Weak ? SlotKind::Weak : SlotKind::Strong;
      S.Target = To;
      S.CondPath = CP;
      S.CondValue = CV;
      Out.push_back(S);
      return;
    }
    const auto *RT = T->getAs<RecordType>();
    if (!RT || !MT.containsManagedSlots(T))
      return;
    const RecordDecl *Saved = UnionParent;
    std::string SavedPath = UnionParentPath;
    if (RT->getDecl()->isUnion()) {
      // The tag of a union's members is a field of the struct holding it
      // (for an anonymous union, the struct it is declared in).
      UnionParent = Parent;
      UnionParentPath = ParentPath;
    }
    record(RT->getDecl(), Path, CP, CV, Off);
    UnionParent = Saved;
    UnionParentPath = SavedPath;
  }

  static bool hasField(const RecordDecl *RD, llvm::StringRef Name) {
    for (const FieldDecl *F : RD->fields()) {
      if (F->getName() == Name)
        return true;
      if (F->isAnonymousStructOrUnion())
        if (const auto *RT = F->getType()->getAs<RecordType>())
          if (hasField(RT->getDecl(), Name))
            return true;
    }
    return false;
  }

  void problem(const Decl *D, bool Untagged, diag::ID Id, std::vector<std::string> Args) {
    if (Problems)
      Problems->push_back({D, Id, std::move(Args), Untagged});
  }

  const ManagedTypes &MT;
  std::vector<SlotPath> &Out;
  std::vector<SlotProblem> *Problems;
  const RecordDecl *UnionParent = nullptr;
  std::string UnionParentPath;
  unsigned Depth = 0;
};
} // namespace

std::vector<SlotPath> flattenSlots(const ManagedTypes &MT, const RecordDecl *RD,
                                   std::vector<SlotProblem> *Problems) {
  std::vector<SlotPath> Out;
  Flattener(MT, Out, Problems).record(RD, "", "", "", 0);
  return Out;
}

} // namespace autorc
