// Edits.h — every change to the user's text goes through here. Each edit
// checks that it lands on user-written text (not inside a macro body, not in
// a system header) and that the Rewriter accepted it (Rewriter returns true
// on failure); otherwise it reports an error instead of producing wrong code.
//
// Nesting: the emitter (PlanEmitter.h) applies inner edits before the ones
// enclosing them, and a prefix is inserted *before* text already inserted
// at the same place and a suffix *after* it; the outer construct then
// encloses the inner one.
// Inserted text never contains a newline: line N stays line N.
#ifndef AUTORC_PLUGIN_EDITS_H
#define AUTORC_PLUGIN_EDITS_H

#include "Diagnostics.h"
#include "ManagedTypes.h"
#include "clang/Rewrite/Core/Rewriter.h"

namespace autorc {

class Edits {
public:
  Edits(clang::Rewriter &R, const ManagedTypes &MT, DiagSink &Diags)
      : R(R), MT(MT), Diags(Diags), SM(R.getSourceMgr()) {}

  // Prefix before the first token of Range, Suffix after its last token.
  bool wrap(clang::SourceRange Range, llvm::StringRef Prefix, llvm::StringRef Suffix,
            llvm::StringRef What);
  // Text right after the token at Loc, before text already inserted there:
  // it stays bound to the token when a wrap begins right after it.
  bool insertAfterToken(clang::SourceLocation Loc, llvm::StringRef Text, llvm::StringRef What);
  // Text right before the token at Loc (before text already inserted there).
  bool insertBefore(clang::SourceLocation Loc, llvm::StringRef Text, llvm::StringRef What);
  // Text at Loc, after text already inserted there (generated helpers that
  // use the ones inserted before them).
  bool insertAfterInserted(clang::SourceLocation Loc, llvm::StringRef Text, llvm::StringRef What);
  // Replace the single token at Loc.
  bool replaceToken(clang::SourceLocation Loc, llvm::StringRef Text, llvm::StringRef What);
  // Append text at the end of a file.
  bool appendToFile(clang::FileID FID, llvm::StringRef Text);

  // The checks of wrap() and of the single-location edits alone: a
  // diagnostic when the text cannot be edited there, no change.
  bool canWrap(clang::SourceRange Range, llvm::StringRef What) {
    return fileRange(Range, What).isValid();
  }
  bool canEdit(clang::SourceLocation Loc, llvm::StringRef What) {
    return checkFileLoc(Loc, Loc, What);
  }
  // Check only (the clang-tidy check): every edit checks and reports as
  // usual, the text stays as it is.
  void setCheckOnly(bool B) { CheckOnly = B; }

  // A file range for a token range, or an invalid range (after an error).
  clang::CharSourceRange fileRange(clang::SourceRange Range, llvm::StringRef What);

  clang::Rewriter &rewriter() { return R; }
  DiagSink &diags() { return Diags; }

private:
  bool checkFileLoc(clang::SourceLocation Loc, clang::SourceLocation DiagLoc, llvm::StringRef What);
  bool failed(clang::SourceLocation Loc, llvm::StringRef What);

  clang::Rewriter &R;
  const ManagedTypes &MT;
  DiagSink &Diags;
  clang::SourceManager &SM;
  bool CheckOnly = false;
};

} // namespace autorc

#endif
