// Plan.cpp — see Plan.h.
#include "Plan.h"
#include <algorithm>

using namespace clang;

namespace autorc {

namespace {
struct Entry {
  unsigned Line = 0, Col = 0, Seq = 0;
  const Action *Act = nullptr;
};

std::string subjectText(llvm::StringRef Subject) {
  std::string S = Subject.str();
  std::replace(S.begin(), S.end(), '\n', ' ');
  if (S.size() > 60)
    S = S.substr(0, 57) + "...";
  return S;
}
} // namespace

void PlanLog::add(const SourceManager &SM, const FunctionPlan &P) {
  std::vector<Entry> Entries;
  for (const Action &A : P.Actions) {
    if (A.Label.empty())
      continue;
    Entry En;
    En.Act = &A;
    En.Seq = Entries.size();
    SourceLocation F = A.LabelAt.isValid() ? SM.getFileLoc(A.LabelAt) : A.LabelAt;
    if (F.isValid()) {
      En.Line = SM.getSpellingLineNumber(F);
      En.Col = SM.getSpellingColumnNumber(F);
    }
    Entries.push_back(En);
  }
  if (Entries.empty())
    return;
  std::sort(Entries.begin(), Entries.end(), [](const Entry &A, const Entry &B) {
    return A.Line != B.Line ? A.Line < B.Line : A.Col != B.Col ? A.Col < B.Col : A.Seq < B.Seq;
  });
  Out += "function " + P.Name + ":\n";
  for (const Entry &En : Entries) {
    std::string S = subjectText(En.Act->Subject);
    Out += "  " + std::to_string(En.Line) + ":" + std::to_string(En.Col) + " " + En.Act->Label +
           (S.empty() ? "" : " " + S) + "\n";
  }
}

} // namespace autorc
