// Edits.cpp — see Edits.h.
#include "Edits.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace autorc {

bool Edits::failed(SourceLocation Loc, llvm::StringRef What) {
  Diags.report(Loc, diag::EditFailed, {What.str()});
  return false;
}

bool Edits::checkFileLoc(SourceLocation Loc, SourceLocation DiagLoc, llvm::StringRef What) {
  if (Loc.isInvalid() || Loc.isMacroID()) {
    std::string Macro;
    if (DiagLoc.isMacroID())
      Macro = Lexer::getImmediateMacroName(DiagLoc, SM, R.getLangOpts()).str();
    if (Macro.empty())
      Diags.report(DiagLoc, diag::InMacro, {What.str()});
    else
      Diags.report(DiagLoc, diag::InNamedMacro, {What.str(), Macro});
    return false;
  }
  if (MT.isUntouchable(Loc)) {
    Diags.report(DiagLoc, diag::InSystemHeader, {What.str()});
    return false;
  }
  return true;
}

CharSourceRange Edits::fileRange(SourceRange Range, llvm::StringRef What) {
  CharSourceRange CR =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(Range), SM, R.getLangOpts());
  if (CR.isInvalid()) {
    checkFileLoc(SourceLocation(), Range.getBegin(), What);
    return CR;
  }
  if (!checkFileLoc(CR.getBegin(), Range.getBegin(), What))
    return CharSourceRange();
  return CR;
}

bool Edits::wrap(SourceRange Range, llvm::StringRef Prefix, llvm::StringRef Suffix,
                 llvm::StringRef What) {
  CharSourceRange CR = fileRange(Range, What);
  if (CR.isInvalid())
    return false;
  if (CheckOnly)
    return true;
  if (!Prefix.empty() && R.InsertTextBefore(CR.getBegin(), Prefix))
    return failed(Range.getBegin(), What);
  if (!Suffix.empty() && R.InsertTextAfter(CR.getEnd(), Suffix))
    return failed(Range.getBegin(), What);
  return true;
}

bool Edits::insertAfterToken(SourceLocation Loc, llvm::StringRef Text, llvm::StringRef What) {
  if (!checkFileLoc(Loc, Loc, What))
    return false;
  SourceLocation End = Lexer::getLocForEndOfToken(Loc, 0, SM, R.getLangOpts());
  if (End.isValid() && CheckOnly)
    return true;
  if (End.isInvalid() || R.InsertTextBefore(End, Text))
    return failed(Loc, What);
  return true;
}

bool Edits::insertBefore(SourceLocation Loc, llvm::StringRef Text, llvm::StringRef What) {
  if (!checkFileLoc(Loc, Loc, What))
    return false;
  if (CheckOnly)
    return true;
  if (R.InsertTextBefore(Loc, Text))
    return failed(Loc, What);
  return true;
}

bool Edits::insertAfterInserted(SourceLocation Loc, llvm::StringRef Text, llvm::StringRef What) {
  if (!checkFileLoc(Loc, Loc, What))
    return false;
  if (CheckOnly)
    return true;
  if (R.InsertTextAfter(Loc, Text))
    return failed(Loc, What);
  return true;
}

bool Edits::replaceToken(SourceLocation Loc, llvm::StringRef Text, llvm::StringRef What) {
  if (!checkFileLoc(Loc, Loc, What))
    return false;
  unsigned Len = Lexer::MeasureTokenLength(Loc, SM, R.getLangOpts());
  if (Len != 0 && CheckOnly)
    return true;
  if (Len == 0 || R.RemoveText(Loc, Len) || R.InsertTextAfter(Loc, Text))
    return failed(Loc, What);
  return true;
}

bool Edits::appendToFile(FileID FID, llvm::StringRef Text) {
  SourceLocation End = SM.getLocForEndOfFile(FID);
  if (CheckOnly)
    return true;
  if (R.InsertTextAfter(End, Text))
    return failed(End, "the generated type descriptors");
  return true;
}

} // namespace autorc
