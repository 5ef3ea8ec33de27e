// GeneratorPass.h — lowers RC_GENERATOR functions to plain C before the
// reference-counting rewrite (docs/builtins.md, "Generators").
//
// A first nested parse of the main file finds the generator functions and
// rewrites each, keeping every line where it is, into:
//   - on its first line, a managed struct (the generator object): a
//     struct rc__gen_head, then one field per parameter and per local whose
//     scope contains an rc_yield (the frame); and the constructor, which
//     the user's function becomes (allocate, copy the parameters, return);
//   - a resume function whose body is the user's body: frame variables are
//     read and written as fields (`i` becomes `rc__f->i`), each
//     `rc_yield(e);` stores e at the consumer's `out`, records a label
//     (`&&rc__yN`) and returns 1, and the function starts with
//     `goto *label` when resumed; its end and every `return` return 0.
// Locals whose scope holds no rc_yield stay locals of the resume function.
// The lowered text is then parsed again and rewritten as any other code:
// the frame's managed fields are strong slots of a managed struct, so the
// stores are counted, the descriptor lets the collector traverse a
// suspended generator, and destroying it releases what it holds.
//
// What cannot be lowered correctly is an [autorc-generator] error.
#ifndef AUTORC_PLUGIN_GENERATORPASS_H
#define AUTORC_PLUGIN_GENERATORPASS_H

#include "Diagnostics.h"
#include "clang/AST/ASTConsumer.h"
#include <string>
#include <vector>

namespace autorc {

struct GeneratorLowering {
  bool Ran = false;        // the parse reached the end of the file
  bool ParseFailed = false;
  bool Changed = false;    // the main file had generators: Text is its lowered text
  std::string Text;
  std::vector<PendingDiag> Diags;
  bool HasErrors = false;
  // The generators' bodies, [begin, end] offsets in File (the main file):
  // they end without a return, which the lowering supplies.
  std::string File;
  std::vector<std::pair<unsigned, unsigned>> Bodies;
};

class GeneratorConsumer : public clang::ASTConsumer {
public:
  explicit GeneratorConsumer(GeneratorLowering &Out) : Out(Out) {}
  void HandleTranslationUnit(clang::ASTContext &Ctx) override;

private:
  GeneratorLowering &Out;
};

// Does the text use generators at all (the cheap gate for the extra parse)?
bool mentionsGenerators(llvm::StringRef Text);

// An offset in the lowered text, moved to the same line and (clamped)
// column of the original text: diagnostics of the second parse point at
// the user's line.
unsigned mapLoweredOffset(llvm::StringRef Lowered, llvm::StringRef Original, unsigned Offset);

} // namespace autorc

#endif
