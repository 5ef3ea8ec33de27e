// TypeGraph.h — the managed types of a translation unit as a graph: the one
// set of edge rules that AcyclicInference (which descriptors get
// RC_TYPE_ACYCLIC) and the [autorc-cycle] check (warnings/CycleCheck.cpp)
// both read, so the two can never disagree on what links what.
//
// Nodes are managed structs, by canonical declaration (canon()). The edges
// out of a struct are its strong slots, found in its definition:
//   - a pointer field, or a fixed array of pointers (any dimension), to a
//     managed struct: a Struct edge to that struct;
//   - the same inside an embedded struct or array of structs held by value
//     (`struct links in; ... in.next`): a Struct edge whose Path names the
//     way in ("in.next");
//   - a pointer to a runtime container (rc_list, ...): a Container edge. The
//     container holds objects of any type, so what it leads to is not in the
//     type system; the cycle check resolves it from the code and names;
//   - a pointer to any other runtime type, or to a managed struct that is
//     incomplete here: an Opaque edge (leads anywhere).
// RC_WEAK and RC_UNOWNED slots are no edges. Edges into RC_ACYCLIC structs
// are kept, flagged IntoAcyclic: that annotation promises no cycle passes
// through the struct, so both users skip them.
//
// Strongly connected components: components() runs Tarjan's algorithm over
// any node set and successor function, so each user can filter edges (the
// cycle check drops suppressed fields) while the edges stay the same.
#ifndef AUTORC_PLUGIN_TYPEGRAPH_H
#define AUTORC_PLUGIN_TYPEGRAPH_H

#include "ManagedTypes.h"
#include "clang/AST/Decl.h"
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace autorc {

// The one canonical declaration of a struct (null stays null).
const clang::RecordDecl *canon(const clang::RecordDecl *RD);

struct TypeEdge {
  enum Kind { Struct, Container, Opaque };
  Kind K = Struct;
  const clang::RecordDecl *From = nullptr; // canonical
  const clang::RecordDecl *To = nullptr;   // canonical pointee (the container's type for Container)
  const clang::FieldDecl *Field = nullptr; // the field of From that holds the slot
  const clang::FieldDecl *Leaf = nullptr;  // the pointer field itself (== Field unless embedded)
  std::string Path;                        // "next", "in.next"
  bool Array = false;                      // the slot is an array element
  bool IntoAcyclic = false;                // To is RC_ACYCLIC
};

class TypeGraph {
public:
  explicit TypeGraph(const ManagedTypes &MT) : MT(MT) {}

  // The strong slots of RD (empty for an incomplete struct).
  const std::vector<TypeEdge> &edgesFrom(const clang::RecordDecl *RD);

  // A runtime type that holds references to objects of any type.
  bool isContainer(const clang::RecordDecl *RD) const;
  // Is RD the base (first member by value) of a managed struct defined in
  // this file? A pointer to it may point to the derived object, whose
  // fields are not RD's: an edge to it leads anywhere (Opaque).
  bool isBase(const clang::RecordDecl *RD);

  using Node = const clang::RecordDecl *;
  // Tarjan's algorithm from the given roots over Succ: the components in
  // reverse topological order (a component comes after every component it
  // reaches).
  static std::vector<std::vector<Node>>
  components(const std::vector<Node> &Roots, const std::function<std::vector<Node>(Node)> &Succ);

  const ManagedTypes &types() const { return MT; }

private:
  std::set<const clang::RecordDecl *> Bases;
  bool BasesKnown = false;
  void collect(const clang::RecordDecl *Owner, const clang::RecordDecl *Def,
               const clang::FieldDecl *Top, const std::string &Prefix, bool InArray,
               unsigned Depth, std::vector<TypeEdge> &Out);

  const ManagedTypes &MT;
  std::map<const clang::RecordDecl *, std::vector<TypeEdge>> Edges;
};

} // namespace autorc

#endif
