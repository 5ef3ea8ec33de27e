// DescriptorGen.cpp — see DescriptorGen.h.
#include "DescriptorGen.h"
#include "Compat.h"
#include "SlotLayout.h"
#include "clang/AST/Decl.h"
#include "clang/AST/RecordLayout.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace autorc {

void DescriptorGen::collectFinalizers(TranslationUnitDecl *TU) {
  for (Decl *D : TU->decls()) {
    auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !ManagedTypes::hasAnnotation(FD, "autorc_finalizer"))
      continue;
    const RecordDecl *RD = nullptr;
    if (FD->getNumParams() == 1)
      RD = MT.managedPointee(FD->getParamDecl(0)->getType());
    if (!RD || !FD->getReturnType()->isVoidType()) {
      E.diags().report(FD->getLocation(), diag::FinalizerSignature, {FD->getName().str()});
      continue;
    }
    RD = canon(RD);
    auto It = Finalizers.find(RD);
    if (It != Finalizers.end() && It->second->getCanonicalDecl() != FD->getCanonicalDecl()) {
      E.diags().report(FD->getLocation(), diag::FinalizerDuplicate,
                       {MT.recordSpelling(RD), It->second->getName().str()});
      continue;
    }
    // Prefer the declaration that has a body.
    if (It == Finalizers.end() || FD->hasBody())
      Finalizers[RD] = FD;
  }
}

static uint64_t fnv1a(llvm::StringRef S, uint64_t H = 1469598103934665603ull) {
  for (unsigned char C : S) {
    H ^= C;
    H *= 1099511628211ull;
  }
  return H;
}

std::string DescriptorGen::descriptorName(const RecordDecl *RD) {
  RD = canon(RD);
  auto It = Names.find(RD);
  if (It != Names.end())
    return It->second;
  const RecordDecl *Def = RD->getDefinition();
  ASTContext &Ctx = MT.context();
  std::string Spelled = MT.recordSpelling(RD);
  uint64_t H = fnv1a(Spelled);
  std::string Tag = RD->getName().str();
  if (Tag.empty() && RD->getTypedefNameForAnonDecl())
    Tag = RD->getTypedefNameForAnonDecl()->getName().str();
  if (Def) {
    const ASTRecordLayout &L = Ctx.getASTRecordLayout(Def);
    H = fnv1a(std::to_string(L.getSize().getQuantity()), H);
    unsigned I = 0;
    for (const FieldDecl *F : Def->fields()) {
      H = fnv1a(F->getName(), H);
      H = fnv1a(MT.typeSpelling(F->getType()), H);
      H = fnv1a(std::to_string(L.getFieldOffset(I++)), H);
      H = fnv1a(std::to_string(static_cast<int>(MT.slotKindOf(F))), H);
    }
    for (const SlotPath &P : flattenSlots(MT, Def)) // slots of sub-structs too
      H = fnv1a(P.Path + std::to_string(static_cast<int>(P.Kind)) + P.CondPath + P.CondValue, H);
  }
  // A struct defined inside a function has no name at file scope: two of
  // them with one tag and layout in one file are still two descriptors.
  if (RD->getParentFunctionOrMethod())
    H = fnv1a(std::to_string(MT.context().getSourceManager().getFileOffset(
                  MT.context().getSourceManager().getExpansionLoc(RD->getLocation()))),
              H);
  char Hex[17];
  snprintf(Hex, sizeof Hex, "%08x", static_cast<unsigned>(H ^ (H >> 32)));
  std::string Name = "rc__type_" + Tag + "_" + Hex;
  Names[RD] = Name;
  Used.push_back(RD);
  return Name;
}

std::string DescriptorGen::allocatedType(const RecordDecl *RD) {
  std::string Name = descriptorName(RD);
  Allocated.insert(canon(RD));
  return Name;
}

std::string DescriptorGen::definitionText(const RecordDecl *RD, const std::string &Name) {
  const RecordDecl *Def = RD->getDefinition();
  std::string T = MT.recordSpelling(RD);
  std::string S;
  llvm::raw_string_ostream OS(S);
  std::vector<std::string> Strong, StrongNames, Weak;
  // The descriptors follow the file's last line, where a struct defined
  // inside a function is not in scope: its layout is written as the
  // numbers clang computed for it.
  ASTContext &Ctx = MT.context();
  bool Local = Def->getParentFunctionOrMethod() != nullptr;
  const ASTRecordLayout &Layout = Ctx.getASTRecordLayout(Def);
  std::string SizeOf = Local ? std::to_string(Layout.getSize().getQuantity())
                             : "sizeof(" + T + ")";
  std::string AlignOf = Local ? std::to_string(Layout.getAlignment().getQuantity())
                              : "_Alignof(" + T + ")";
  // Every slot, through sub-structs, a base struct and arrays (SlotLayout.h):
  // fixed ones in the offset lists, RC_TAGGED ones visited by a traverse
  // hook under their tag test (the runtime calls it for the collector and
  // when the object dies).
  std::string Tagged;
  for (const SlotPath &P : flattenSlots(MT, Def)) {
    std::string Member = P.Path.substr(1);
    if (!P.CondPath.empty()) {
      if (Local) {
        E.diags().report(Def->getLocation(), diag::TaggedInLocalStruct);
        break;
      }
      if (P.Kind == SlotKind::Strong)
        Tagged += " if (o->" + P.CondPath.substr(1) + " == (" + P.CondValue +
                  ")) visit((void **)&o->" + Member + ", ctx);";
      continue;
    }
    std::string Off = Local ? "(uint32_t)" + std::to_string(P.Offset)
                            : "(uint32_t)offsetof(" + T + ", " + Member + ")";
    (P.Kind == SlotKind::Weak ? Weak : Strong).push_back(Off);
    if (P.Kind == SlotKind::Strong)
      StrongNames.push_back("\"" + Member + "\"");
  }
  auto List = [](const std::vector<std::string> &V) {
    std::string R;
    for (size_t I = 0; I < V.size(); ++I)
      R += (I ? ", " : "") + V[I];
    return R;
  };
  OS << "/* autorc: descriptor of " << T << " */ ";
  if (!Strong.empty()) {
    OS << "static const uint32_t " << Name << "_strong[] = {" << List(Strong) << "}; ";
    OS << "static const char *const " << Name << "_names[] = {" << List(StrongNames) << "}; ";
  }
  if (!Weak.empty())
    OS << "static const uint32_t " << Name << "_weak[] = {" << List(Weak) << "}; ";
  if (!Tagged.empty())
    OS << "static void " << Name << "_traverse(void *self, rc_visit_fn visit, void *ctx) { " << T
       << " *o = (" << T << " *)self;" << Tagged << " } ";
  const FunctionDecl *Fin = nullptr;
  auto It = Finalizers.find(canon(RD));
  if (It != Finalizers.end())
    Fin = It->second;
  bool Strongly = false;
  if (Fin) {
    OS << "static void " << Name << "_fin(void *self) { " << Fin->getName() << "((" << T
       << " *)self); } ";
    // The file that defines the finalizer defines the descriptor strongly.
    const FunctionDecl *Body = nullptr;
    Strongly = Fin->hasBody(Body) && Body &&
               MT.context().getSourceManager().isInMainFile(Body->getLocation());
  }
  // RC_TYPE_ACYCLIC: annotated RC_ACYCLIC or proven acyclic (AcyclicInference.h).
  unsigned Flags = Acyclic.isAcyclic(RD) ? 1u : 0u;
  // The runtime's word for the type (its index, set at the first rc_new):
  // one static per definition; the linker keeps one weak descriptor, and
  // with it the word of the same file.
  OS << "static uint32_t " << Name << "_rt; ";
  if (!Strongly)
    OS << "__attribute__((weak)) ";
  OS << "const rc_type " << Name << " = {\"" << T << "\", (uint32_t)" << SizeOf << ", "
     << Flags << "u, " << (Strong.empty() ? "NULL" : Name + "_strong") << ", " << Strong.size()
     << "u, " << Weak.size() << "u, " << (Weak.empty() ? "NULL" : Name + "_weak") << ", "
     << (Strong.empty() ? "NULL" : Name + "_names") << ", " << (Fin ? Name + "_fin" : "NULL")
     << ", " << (Tagged.empty() ? "NULL" : Name + "_traverse")
     << ", NULL, (uint32_t)" << AlignOf << ", &" << Name << "_rt};";
  if (Allocated.count(canon(RD)))
    OS << " RC__NEW_DEFINE(" << Name << ", " << SizeOf << ", " << AlignOf << ")";
  return OS.str();
}

void DescriptorGen::emitDefinitions(FileID MainFID) {
  if (Used.empty())
    return;
  std::string Text;
  const SourceManager &SM = MT.context().getSourceManager();
  llvm::StringRef Buf = SM.getBufferData(MainFID);
  // The descriptors start on a line of their own after the last line: a
  // last line without its newline may end in a `//` comment (which would
  // swallow them), and a last line ending in a backslash would splice them
  // onto it. Lines after the user's last one move nothing.
  if (!Buf.empty() && Buf.back() != '\n')
    Text += "\n";
  else if (compat::endsWith(Buf, "\\\n") || compat::endsWith(Buf, "\\\r\n"))
    Text += "\n";
  for (const RecordDecl *RD : Used) {
    if (!RD->getDefinition()) {
      E.diags().report(RD->getLocation(), diag::IncompleteType, {MT.recordSpelling(RD)});
      continue;
    }
    Text += definitionText(RD, Names[canon(RD)]);
    Text += "\n";
  }
  E.appendToFile(MainFID, Text);
}

} // namespace autorc
