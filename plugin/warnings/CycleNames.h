// CycleNames.h — what field names say about a link, for [autorc-cycle].
//
//   isBackLinkName   a word of the name (prev_sibling -> prev, sibling;
//                    parentNode -> parent, node) is one programmers use for
//                    a link back: prev, parent, owner, up, back, ... An
//                    ordinal word qualifying another (prev_version: the
//                    version before, an older object) is a link back only
//                    if the struct has the forward partner (prev_sibling
//                    with next_sibling); Leaf, the field, gives its struct.
//   listMayHold      a container field's name says it holds objects of a
//                    type: nodes, elements for any type; children, kids,
//                    descendants for the owner's own type (a shape's
//                    children are shapes, not the scene that holds the
//                    root shape); observers for struct observer (a word of
//                    the name, singular, is part of the type's name).
// Names are evidence of the weakest kind: the code's own stores come first
// (CycleEvidence.h).
#ifndef AUTORC_WARNINGS_CYCLENAMES_H
#define AUTORC_WARNINGS_CYCLENAMES_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace autorc {
namespace warnings {

std::vector<std::string> nameWords(llvm::StringRef N);
bool isBackLinkName(llvm::StringRef N, const clang::FieldDecl *Leaf = nullptr);
bool listMayHold(llvm::StringRef Field, const clang::RecordDecl *RD,
                 const clang::RecordDecl *Owner);

} // namespace warnings
} // namespace autorc

#endif
