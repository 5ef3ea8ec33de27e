// Plan.cpp — see Plan.h.
#include "Plan.h"
#include <algorithm>

using namespace clang;

namespace autorc {

void PlanLog::beginFunction(const std::string &Name) { Functions.push_back({Name, {}}); }

void PlanLog::add(const SourceManager &SM, SourceLocation Loc, llvm::StringRef Action,
                  llvm::StringRef Subject) {
  if (Functions.empty())
    return;
  Entry En;
  SourceLocation F = Loc.isValid() ? SM.getFileLoc(Loc) : Loc;
  if (F.isValid()) {
    En.Line = SM.getSpellingLineNumber(F);
    En.Col = SM.getSpellingColumnNumber(F);
  }
  En.Seq = Seq++;
  En.Action = Action.str();
  std::string S = Subject.str();
  std::replace(S.begin(), S.end(), '\n', ' ');
  if (S.size() > 60)
    S = S.substr(0, 57) + "...";
  En.Subject = S;
  Functions.back().Entries.push_back(std::move(En));
}

std::string PlanLog::text() const {
  std::string Out;
  for (const Function &Fn : Functions) {
    if (Fn.Entries.empty())
      continue;
    std::vector<Entry> E = Fn.Entries;
    std::sort(E.begin(), E.end(), [](const Entry &A, const Entry &B) {
      return A.Line != B.Line ? A.Line < B.Line : A.Col != B.Col ? A.Col < B.Col : A.Seq < B.Seq;
    });
    Out += "function " + Fn.Name + ":\n";
    for (const Entry &En : E)
      Out += "  " + std::to_string(En.Line) + ":" + std::to_string(En.Col) + " " + En.Action +
             (En.Subject.empty() ? "" : " " + En.Subject) + "\n";
  }
  return Out;
}

} // namespace autorc
