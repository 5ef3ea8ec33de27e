// MacroExpansion.cpp — see MacroExpansion.h.
#include "MacroExpansion.h"
#include "SystemPaths.h"
#include "Compat.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"

using namespace clang;

namespace autorc {

// User code: not a toolchain or libc header, not <autorc.h> (its macros,
// rc_new above all, are what the rewriter recognises).
bool MacroRecorder::userMacro(const MacroInfo *MI) const {
  SourceLocation D = MI->getDefinitionLoc();
  if (D.isInvalid() || !D.isFileID())
    return false;
  std::string Name = compat::fileName(SM, SM.getFileID(D));
  if (Name == "autorc.h" || compat::endsWith(Name, "/autorc.h"))
    return false;
  return !(SM.isInSystemHeader(D) && isToolchainHeaderPath(Name));
}

void MacroRecorder::MacroExpands(const Token &NameTok, const MacroDefinition &MD,
                                 SourceRange Range, const MacroArgs *Args) {
  SourceLocation B = NameTok.getLocation(), E = Range.getEnd();
  if (!B.isFileID() || !E.isFileID() || SM.getFileID(B) != SM.getMainFileID() ||
      SM.getFileID(E) != SM.getMainFileID())
    return;
  const MacroInfo *MI = MD.getMacroInfo();
  if (!MI)
    return;
  MacroSite S;
  S.Begin = SM.getFileOffset(B);
  S.End = SM.getFileOffset(E) + Lexer::MeasureTokenLength(E, SM, PP.getLangOpts());
  S.Name = NameTok.getIdentifierInfo() ? NameTok.getIdentifierInfo()->getName().str() : "";
  if (!userMacro(MI))
    S.Why = "it is defined in a system header or <autorc.h>";
  else
    S.Text = expand(NameTok, MI, Args, S.Why);
  Sites.emplace(S.Begin, std::move(S));
}

// The body with the arguments' own tokens substituted (C11 6.10.3.1-3);
// macros in the result are left for the next parse to expand.
std::string MacroRecorder::expand(const Token &NameTok, const MacroInfo *MI,
                                  const MacroArgs *Args, std::string &Why) {
  auto Param = [&](const Token &T) {
    const IdentifierInfo *II = T.getIdentifierInfo();
    return II && MI->isFunctionLike() ? MI->getParameterNum(II) : -1;
  };
  auto Arg = [&](int N) {
    std::vector<Token> A;
    if (!Args || N < 0 || unsigned(N) >= Args->getNumMacroArguments())
      return A;
    for (const Token *T = Args->getUnexpArgument(N); T->isNot(tok::eof); ++T)
      A.push_back(*T);
    return A;
  };
  std::vector<std::string> Out; // "" is a placemarker (an empty argument)
  bool Paste = false;
  auto Emit = [&](const std::string &S) {
    if (Paste && !Out.empty())
      Out.back() += S;
    else
      Out.push_back(S);
    Paste = false;
  };
  ArrayRef<Token> Body = MI->tokens();
  for (size_t I = 0; I < Body.size(); ++I) {
    const Token &T = Body[I];
    if (const IdentifierInfo *II = T.getIdentifierInfo()) {
      if (II == NameTok.getIdentifierInfo()) {
        Why = "its body names the macro itself";
        return "";
      }
      if (II->getName() == "__VA_OPT__") {
        Why = "it uses __VA_OPT__";
        return "";
      }
    }
    if (T.is(tok::hash) && I + 1 < Body.size() && Param(Body[I + 1]) >= 0 && Args) {
      Token S = MacroArgs::StringifyArgument(Args->getUnexpArgument(Param(Body[I + 1])), PP,
                                             false, NameTok.getLocation(), NameTok.getLocation());
      Emit(PP.getSpelling(S));
      ++I;
      continue;
    }
    if (T.is(tok::hashhash)) {
      // GNU `, ## __VA_ARGS__`: the comma goes when the arguments are empty.
      if (MI->isVariadic() && !Out.empty() && Out.back() == "," && I + 1 < Body.size() &&
          Param(Body[I + 1]) == int(MI->getNumParams()) - 1) {
        std::vector<Token> A = Arg(Param(Body[I + 1]));
        if (A.empty())
          Out.pop_back();
        for (const Token &X : A)
          Out.push_back(PP.getSpelling(X));
        ++I;
        continue;
      }
      Paste = true;
      continue;
    }
    int P = Param(T);
    if (P < 0) {
      Emit(PP.getSpelling(T));
      continue;
    }
    std::vector<Token> A = Arg(P);
    if (A.empty()) {
      if (Paste)
        Paste = false; // pasting a placemarker leaves the other operand
      else
        Out.push_back("");
      continue;
    }
    for (const Token &X : A)
      Emit(PP.getSpelling(X));
  }
  std::string Text;
  for (const std::string &S : Out) {
    if (S.empty())
      continue;
    if (!Text.empty())
      Text += ' ';
    Text += S;
  }
  if (Text.empty())
    Text = " ";
  return Text;
}

unsigned ExpansionMap::toOld(unsigned N, bool *Inside) const {
  long Delta = 0;
  for (const Region &R : Regions) {
    if (N < R.NewBegin)
      break;
    if (N < R.NewEnd) {
      if (Inside)
        *Inside = true;
      return R.OldBegin;
    }
    Delta = long(R.NewEnd) - long(R.OldEnd);
  }
  return unsigned(long(N) - Delta);
}

std::string expandSites(llvm::StringRef Text, const std::vector<const MacroSite *> &Chosen,
                        ExpansionMap &Map) {
  std::string Out;
  unsigned Pos = 0;
  for (const MacroSite *S : Chosen) {
    if (S->Begin < Pos || S->End > Text.size())
      continue; // overlaps one already expanded
    Out += Text.slice(Pos, S->Begin).str();
    ExpansionMap::Region R{S->Begin, S->End, unsigned(Out.size()), 0};
    Out += S->Text;
    // Keep the lines the invocation spanned.
    Out.append(Text.slice(S->Begin, S->End).count('\n'), '\n');
    R.NewEnd = Out.size();
    Map.Regions.push_back(R);
    Pos = S->End;
  }
  Out += Text.substr(Pos).str();
  return Out;
}

} // namespace autorc

namespace autorc {

namespace {
bool isMacroError(const PendingDiag &D) {
  return D.isError() && llvm::StringRef(diag::entry(D.Id).Group) == "macro";
}

// The outermost recorded invocation containing Offset.
const MacroSite *siteAt(const std::map<unsigned, MacroSite> &Sites, unsigned Offset) {
  for (const auto &KV : Sites)
    if (KV.first <= Offset && Offset < KV.second.End)
      return &KV.second;
  return nullptr;
}
} // namespace

std::vector<const MacroSite *> chooseMacroSites(const AnalysisResult &R,
                                                const std::map<unsigned, MacroSite> &Sites) {
  std::map<unsigned, const MacroSite *> Chosen;
  for (const PendingDiag &D : R.Diags) {
    if (!isMacroError(D) || D.File != R.MainFile)
      continue;
    const MacroSite *S = siteAt(Sites, D.Offset);
    if (!S)
      continue;
    if (!S->Text.empty()) {
      Chosen[S->Begin] = S;
      continue;
    }
    for (auto It = Sites.upper_bound(S->Begin); It != Sites.end() && It->first < S->End; ++It)
      if (!It->second.Text.empty())
        Chosen[It->first] = &It->second;
  }
  std::vector<const MacroSite *> Out;
  unsigned End = 0;
  for (const auto &KV : Chosen)
    if (KV.first >= End) {
      Out.push_back(KV.second);
      End = KV.second->End;
    }
  return Out;
}

void explainMacroErrors(AnalysisResult &R, const std::map<unsigned, MacroSite> &Sites) {
  std::vector<PendingDiag> Out;
  for (PendingDiag &D : R.Diags) {
    Out.push_back(std::move(D));
    const PendingDiag &E = Out.back();
    if (!isMacroError(E))
      continue;
    std::string Why;
    if (E.File != R.MainFile) {
      Why = "it is invoked in a header, and only invocations in the .c file are expanded";
    } else if (const MacroSite *S = siteAt(Sites, E.Offset)) {
      Why = !S->Why.empty() ? S->Why
                            : "its expansion still needs an edit after " +
                                  std::to_string(MaxRounds) + " rounds of expansion";
    }
    if (Why.empty())
      continue;
    PendingDiag N; // a note on the error's place: printed right after it
    N.File = E.File;
    N.Offset = E.Offset;
    N.Id = diag::MacroNotExpanded;
    N.Text = diag::format(N.Id, {Why});
    Out.push_back(std::move(N));
  }
  R.Diags = std::move(Out);
}

void mapBack(AnalysisResult &R, const std::vector<ExpansionMap> &Maps) {
  auto Map = [&](const std::string &File, unsigned &Offset) {
    bool Inside = false;
    if (File != R.MainFile)
      return false;
    for (auto It = Maps.rbegin(); It != Maps.rend(); ++It) {
      bool In = false;
      Offset = It->toOld(Offset, &In);
      Inside |= In;
    }
    return Inside;
  };
  for (PendingDiag &D : R.Diags)
    Map(D.File, D.Offset);
  for (warnings::PendingWarning &W : R.Warnings) {
    Map(W.Where.File, W.Where.Offset);
    for (warnings::PendingPlace &N : W.Notes)
      Map(N.File, N.Offset);
    // A fix-it inside an expanded invocation would edit the macro's
    // arguments, not what it means: dropped.
    std::vector<warnings::PendingPlace> Kept;
    for (warnings::PendingPlace &F : W.FixIts)
      if (!Map(F.File, F.Offset))
        Kept.push_back(F);
    W.FixIts = std::move(Kept);
  }
}

} // namespace autorc
