// DescriptorGen.h — one rc_type descriptor per managed struct, generated
// into the rewritten main file, and the rewrite of rc_new(T) to use it.
//
// The descriptor lists the strong and weak field offsets, the field names,
// RC_ACYCLIC and a thunk that calls the RC_FINALIZER. It is a weak symbol
// (one per program) named after the struct and a hash of its layout, so two
// files with different private `struct node`s never share one. The file that
// defines the finalizer emits a strong definition, so the program always
// gets the descriptor that knows the finalizer.
#ifndef AUTORC_PLUGIN_DESCRIPTORGEN_H
#define AUTORC_PLUGIN_DESCRIPTORGEN_H

#include "AcyclicInference.h"
#include "Edits.h"
#include "ManagedTypes.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace autorc {

class DescriptorGen {
public:
  DescriptorGen(ManagedTypes &MT, Edits &E) : MT(MT), E(E), Acyclic(MT) {}

  // Collect RC_FINALIZER functions (and check their signatures).
  void collectFinalizers(clang::TranslationUnitDecl *TU);
  // The descriptor's symbol for a managed struct; marks it as used.
  std::string descriptorName(const clang::RecordDecl *RD);
  // The same, for an rc_new(T) that calls T's allocation function
  // (RC__NEW_MANAGED): its definition, <descriptor>_new, follows the
  // descriptor (RC__NEW_DEFINE in autorc.h: the allocation fast path once
  // per type and file, out of line, instead of at every site and every
  // place clang inlines a constructor into).
  std::string allocatedType(const clang::RecordDecl *RD);
  // Append the definitions of every used descriptor to the main file.
  void emitDefinitions(clang::FileID MainFID);
  // RC_ACYCLIC, or proven acyclic (AcyclicInference.h).
  AcyclicInference &acyclic() { return Acyclic; }

private:
  std::string definitionText(const clang::RecordDecl *RD, const std::string &Name);

  ManagedTypes &MT;
  Edits &E;
  AcyclicInference Acyclic;
  std::map<const clang::RecordDecl *, std::string> Names;
  std::vector<const clang::RecordDecl *> Used;
  std::set<const clang::RecordDecl *> Allocated; // allocatedType
  std::map<const clang::RecordDecl *, const clang::FunctionDecl *> Finalizers;
};

} // namespace autorc

#endif
