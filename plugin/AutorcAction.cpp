// AutorcAction.cpp — the plugin's entry point: arguments, registration, and
// the mechanism that makes the user's own compile see the rewritten text.
//
// Mechanism (an AddBeforeMainAction plugin, issue 3's option (a)):
//   1. Cheap gate: unless the main file or a user header it includes
//      mentions "autorc", nothing happens: the file is compiled exactly as
//      without the plugin (no second parse, no change).
//   2. Otherwise a nested CompilerInstance parses the file silently (same
//      options, diagnostics off, no dependency output) and the
//      AnalysisConsumer computes the rewritten text of the main file and of
//      the user headers it changed, plus the [autorc-*] diagnostics.
//   3. If the analysis found no error, the user's compile gets the new text
//      through SourceManager::overrideFileContents before it lexes the file;
//      every rewrite keeps line numbers, so diagnostics, __LINE__, -g and
//      coverage still point at the user's lines.
//   4. The ReportConsumer reports the diagnostics in the user's compile.
//   5. Clang's own warnings: the nested parse of the original text records
//      them, and the user's compile of rewritten text reports those instead
//      of its own (ClangWarnings.h).
// -E and other preprocessor-only actions never create AST consumers, so they
// see the original text; -MD, -g, -O, -S, -c, -fsyntax-only are the user's
// compile's own. Warnings print once: only the user's compile prints them.
#include "AutorcConsumer.h"
#include "ClangWarnings.h"
#include "Compat.h"
#include "GeneratorPass.h"
#include "MacroExpansion.h"
#include "Options.h"
#include "SystemPaths.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Lex/HeaderSearchOptions.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

using namespace clang;

namespace autorc {

namespace {

// True while the nested analysis runs: the plugin must not recurse into it.
bool InNestedAnalysis = false;

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(AnalysisResult &Result, std::map<unsigned, MacroSite> &Sites)
      : Result(Result), Sites(Sites) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<MacroRecorder>(CI.getPreprocessor(), Sites));
    return std::make_unique<AnalysisConsumer>(Result);
  }

private:
  AnalysisResult &Result;
  std::map<unsigned, MacroSite> &Sites;
};

// The first parse of a file that uses generators (GeneratorPass.h).
class GeneratorAction : public ASTFrontendAction {
public:
  explicit GeneratorAction(GeneratorLowering &Out) : Out(Out) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override {
    return std::make_unique<GeneratorConsumer>(Out);
  }

private:
  GeneratorLowering &Out;
};

// The gate: does the file, or a user header it includes (transitively),
// mention "autorc"? Includes are found textually (conditional inclusion is
// ignored, so the answer may be a harmless "yes"). Files are read through
// the compile's virtual file system, so an -ivfsoverlay (autorc-clangd's
// unsaved buffers) is what the gate sees too.
class Gate {
public:
  explicit Gate(CompilerInstance &CI) : FS(CI.getVirtualFileSystem()) {
    for (const auto &E : CI.getHeaderSearchOpts().UserEntries) {
      if (E.IsFramework)
        continue;
      if (E.Group == frontend::Quoted)
        Quoted.push_back(E.Path);
      else if (E.Group == frontend::Angled)
        Angled.push_back(E.Path);
      else if (!isToolchainHeaderPath(E.Path + "/"))
        Angled.push_back(E.Path); // -isystem of user code (SystemPaths.h)
    }
  }
  bool mentionsAutorc(const std::string &Path, unsigned Depth = 0) {
    if (Depth > 64 || !Visited.insert(Path).second)
      return false;
    auto Buf = FS.getBufferForFile(Path);
    if (!Buf)
      return false;
    StringRef Text = (*Buf)->getBuffer();
    if (Text.find("autorc") != StringRef::npos)
      return true;
    llvm::SmallString<256> Dir(Path);
    llvm::sys::path::remove_filename(Dir);
    size_t Pos = 0;
    while ((Pos = Text.find("include", Pos)) != StringRef::npos) {
      size_t LineStart = Text.rfind('\n', Pos);
      LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
      StringRef Before = Text.slice(LineStart, Pos).trim();
      Pos += 7;
      if (Before != "#" && !(compat::startsWith(Before, "#") && Before.drop_front().trim().empty()))
        continue;
      StringRef Rest = Text.substr(Pos).ltrim(" \t");
      if (Rest.empty() || (Rest[0] != '"' && Rest[0] != '<'))
        continue;
      char Close = Rest[0] == '"' ? '"' : '>';
      size_t End = Rest.find(Close, 1);
      if (End == StringRef::npos)
        continue;
      std::string Name = Rest.slice(1, End).str();
      std::vector<std::string> Dirs;
      if (Close == '"') {
        Dirs.push_back(Dir.empty() ? "." : std::string(Dir));
        Dirs.insert(Dirs.end(), Quoted.begin(), Quoted.end());
      }
      Dirs.insert(Dirs.end(), Angled.begin(), Angled.end());
      for (const std::string &D : Dirs) {
        llvm::SmallString<256> P(D);
        llvm::sys::path::append(P, Name);
        auto St = FS.status(P);
        if (St && St->isRegularFile()) {
          if (mentionsAutorc(std::string(P), Depth + 1))
            return true;
          break;
        }
      }
    }
    return false;
  }

private:
  llvm::vfs::FileSystem &FS;
  std::vector<std::string> Quoted, Angled;
  std::set<std::string> Visited;
};

class AutorcAction : public PluginASTAction {
protected:
  bool ParseArgs(const CompilerInstance &CI, const std::vector<std::string> &Args) override {
    bool OK = true;
    for (const std::string &A : Args) {
      if (compat::startsWith(A, "emit=") && A.size() > 5)
        Opts.EmitPath = A.substr(5);
      else if (A == "analyze-only")
        Opts.AnalyzeOnly = true;
      else if (A == "no-elide")
        Opts.NoElide = true;
      else if (A == "stats")
        Opts.Stats = true;
      else if (A == "dump-plan")
        Opts.DumpPlan = true;
      else if (compat::startsWith(A, "shuffle-plan=") &&
               A.find_first_not_of("0123456789", 13) == std::string::npos && A.size() > 13)
        Opts.ShufflePlan = static_cast<unsigned>(std::stoul(A.substr(13)));
      else if (warnings::parseWarningArg(A, Opts.Warn, CI.getDiagnostics(), OK))
        continue;
      else {
        diag::report(CI.getDiagnostics(), SourceLocation(), diag::ArgsUnknown,
                     {A, validArgumentsText()});
        OK = false;
      }
    }
    return OK;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef InFile) override {
    if (InNestedAnalysis)
      return std::make_unique<ASTConsumer>();
    // <autorc.h>'s RC_GENERATOR and rc_yield are markers for the plugin
    // with it, and a compile error without it.
    if (CI.hasPreprocessor())
      CI.getPreprocessor().setPredefines(CI.getPreprocessor().getPredefines() +
                                         "#define __AUTORC_PLUGIN__ 1\n");
    AnalysisResult Result;
    std::vector<clangwarn::Recorded> ClangWarnings;
    std::string MainPath;
    const auto &Inputs = CI.getFrontendOpts().Inputs;
    if (!Inputs.empty() && Inputs[0].isFile())
      MainPath = Inputs[0].getFile().str();
    // C only: C++ and Objective-C have their own ownership rules (RAII, ARC).
    const LangOptions &LO = CI.getLangOpts();
    bool IsC = !LO.CPlusPlus && !LO.ObjC && !LO.OpenCL && !LO.CUDA;
    bool Candidate =
        IsC && !MainPath.empty() && MainPath != "-" && Gate(CI).mentionsAutorc(MainPath);
    if (!Candidate)
      warnUninstrumented(CI, MainPath, IsC);
    if (Candidate && Inputs[0].getKind().isPreprocessed()) {
      // A .i file (-save-temps, or -x cpp-output) has lost the rc_new macro
      // and <autorc.h>'s file boundaries: it cannot be rewritten correctly.
      diag::report(CI.getDiagnostics(), SourceLocation(), diag::Preprocessed, {MainPath});
      Candidate = false;
    }
    if (Candidate)
      analyze(CI, MainPath, Result, ClangWarnings);
    if (Opts.DumpPlan) {
      llvm::outs() << Result.Plan;
      llvm::outs().flush();
    }
    if (!Opts.EmitPath.empty() && emitOverwritesInput(MainPath))
      diag::report(CI.getDiagnostics(), SourceLocation(), diag::ArgsEmitOverwrites,
                   {Opts.EmitPath, MainPath});
    else if (!Opts.EmitPath.empty()) {
      emit(CI, MainPath, Result);
      warnHeadersNotEmitted(CI, Result);
    }
    bool Installed = Result.Ran && !Result.ParseFailed && !Result.HasErrors &&
                     !Opts.AnalyzeOnly && !Result.Rewritten.empty();
    if (Installed) {
      install(CI, Result);
      clangwarn::silenceFrontEnd(CI.getDiagnostics());
      // <autorc.h> then leaves out the annotations, which only the analysis reads.
      if (CI.hasPreprocessor())
        CI.getPreprocessor().setPredefines(CI.getPreprocessor().getPredefines() +
                                           "#define __AUTORC_REWRITTEN__ 1\n");
    } else {
      ClangWarnings.clear(); // the compile sees the user's text: its own warnings stand
    }
    return clangwarn::withReplay(
        warnings::withWarnings(std::make_unique<ReportConsumer>(CI, std::move(Result.Diags)), CI,
                               Opts.Warn, std::move(Result.Warnings)),
        CI, std::move(ClangWarnings));
  }

private:
  // emit=<path> naming the input (by any spelling, or a link to it).
  bool emitOverwritesInput(const std::string &MainPath) const {
    if (Opts.EmitPath == "-" || MainPath.empty() || MainPath == "-")
      return false;
    if (llvm::sys::fs::equivalent(Opts.EmitPath, MainPath))
      return true;
    llvm::SmallString<256> A(Opts.EmitPath), B(MainPath);
    llvm::sys::fs::make_absolute(A);
    llvm::sys::fs::make_absolute(B);
    llvm::sys::path::remove_dots(A, true);
    llvm::sys::path::remove_dots(B, true);
    return A == B;
  }

  // Managed code the plugin will not instrument must not compile silently
  // uncounted: C++ and Objective-C files that mention autorc, and C read
  // from standard input (the rewrite needs a file to re-parse) that does.
  void warnUninstrumented(CompilerInstance &CI, const std::string &MainPath, bool IsC) {
    const LangOptions &LO = CI.getLangOpts();
    DiagnosticsEngine &D = CI.getDiagnostics();
    if (!IsC && !MainPath.empty() && MainPath != "-" && (LO.CPlusPlus || LO.ObjC) &&
        Gate(CI).mentionsAutorc(MainPath)) {
      diag::report(D, SourceLocation(), diag::UninstrumentedLanguage,
                   {MainPath, LO.ObjC ? (LO.CPlusPlus ? "Objective-C++" : "Objective-C") : "C++"});
      return;
    }
    if (!IsC || (MainPath != "-" && !MainPath.empty()))
      return;
    SourceManager &SM = CI.getSourceManager();
    FileID Main = SM.getMainFileID();
    if (Main.isInvalid() || SM.getBufferData(Main).find("autorc") == StringRef::npos)
      return;
    diag::report(D, SourceLocation(), diag::UninstrumentedStdin);
  }

  // Generators are lowered first (GeneratorPass.h); the analysis then runs
  // on the lowered text, again on expanded text while [autorc-macro] errors
  // name user macro invocations that can be expanded (MacroExpansion.h).
  // Diagnostics map back through both: expansions, then the lowering.
  // The first parse (of the original text) records clang's warnings.
  void analyze(CompilerInstance &CI, const std::string &MainPath, AnalysisResult &Result,
               std::vector<clangwarn::Recorded> &ClangWarnings) {
    std::string Original, Lowered;
    if (auto Buf = CI.getVirtualFileSystem().getBufferForFile(MainPath))
      Original = (*Buf)->getBuffer().str();
    bool Generators = mentionsGenerators(Original);
    if (Generators && !lowerGenerators(CI, MainPath, Result, Lowered, ClangWarnings))
      return;
    analyzeExpanding(CI, MainPath, Lowered, Result, Generators ? nullptr : &ClangWarnings);
    if (!Lowered.empty())
      afterLowering(Result, MainPath, Original, Lowered);
  }

  // The macro rounds over Base (the lowered text; empty: the file's own).
  // Record: where the first round puts clang's warnings (null: not kept).
  void analyzeExpanding(CompilerInstance &CI, const std::string &MainPath,
                        const std::string &Base, AnalysisResult &Result,
                        std::vector<clangwarn::Recorded> *Record) {
    AnalysisResult In;
    In.NoElide = Opts.NoElide;
    In.AnalyzeOnly = Opts.AnalyzeOnly;
    In.Stats = Opts.Stats;
    In.DumpPlan = Opts.DumpPlan;
    In.ShufflePlan = Opts.ShufflePlan;
    std::string Text = Base, Parsed = Base; // the text to parse next, the text Result is about
    std::vector<ExpansionMap> Maps;
    std::map<unsigned, MacroSite> Sites;
    for (unsigned Round = 0;; ++Round) {
      AnalysisResult R = In;
      std::map<unsigned, MacroSite> RSites;
      parseNested(CI, MainPath, (Round || !Base.empty()) ? &Text : nullptr, R, RSites,
                  Round ? nullptr : Record);
      if (Round && R.ParseFailed) {
        Maps.pop_back(); // keep the last round that parsed: its errors stand
        break;
      }
      Result = std::move(R);
      Sites = std::move(RSites);
      Parsed = Text;
      std::vector<const MacroSite *> Chosen = chooseMacroSites(Result, Sites);
      if (Chosen.empty() || Round + 1 >= MaxRounds || Result.ParseFailed)
        break;
      if (!Round && Base.empty()) {
        auto Buf = CI.getVirtualFileSystem().getBufferForFile(MainPath);
        if (!Buf)
          break;
        Text = (*Buf)->getBuffer().str();
      }
      ExpansionMap M;
      Text = expandSites(Text, Chosen, M);
      Maps.push_back(std::move(M));
    }
    explainMacroErrors(Result, Sites);
    if (Maps.empty())
      return;
    mapBack(Result, Maps);
    if (!Result.HasErrors && !Result.Rewritten.count(Result.MainFile))
      Result.Rewritten[Result.MainFile] = Parsed;
  }

  // One silent parse of the main file (of Text instead of the file's own
  // text when given), recording the macro invocations in it, and clang's
  // warnings into Record if given.
  void parseNested(CompilerInstance &CI, const std::string &MainPath, const std::string *Text,
                   AnalysisResult &Result, std::map<unsigned, MacroSite> &Sites,
                   std::vector<clangwarn::Recorded> *Record) {
    auto Inv = nestedInvocation(CI, MainPath, Record != nullptr);
    if (Text)
      Inv->getPreprocessorOpts().addRemappedFile(
          MainPath, llvm::MemoryBuffer::getMemBufferCopy(*Text, MainPath).release());
    AnalysisAction Action(Result, Sites);
    runNested(CI, Inv, Action, Record);
    if (!Result.Ran)
      Result.ParseFailed = true;
  }

  // The silent parse's invocation: the user's options, nothing written;
  // warnings off unless this parse records them (with the user's levels).
  static std::shared_ptr<CompilerInvocation>
  nestedInvocation(CompilerInstance &CI, const std::string &MainPath, bool Record) {
    auto Inv = std::make_shared<CompilerInvocation>(CI.getInvocation());
    FrontendOptions &FO = Inv->getFrontendOpts();
    FO.ProgramAction = frontend::ParseSyntaxOnly;
    FO.Plugins.clear();
    FO.AddPluginActions.clear();
    FO.OutputFile.clear();
    FO.ShowStats = false;
    FO.Inputs.clear();
    FO.Inputs.emplace_back(MainPath, CI.getFrontendOpts().Inputs[0].getKind());
    Inv->getDependencyOutputOpts() = DependencyOutputOptions();
    Inv->getPreprocessorOpts().addMacroDef("__AUTORC_PLUGIN__=1");
    Inv->getPreprocessorOpts().addMacroDef("__AUTORC_ANALYSIS__=1"); // <autorc.h>: declarations

    DiagnosticOptions &DO = Inv->getDiagnosticOpts();
    DO.VerifyDiagnostics = false;
    DO.Remarks.clear();
    if (Record) {
      clangwarn::enableRecording(DO);
    } else {
      DO.IgnoreWarnings = true;
      DO.Warnings.clear();
    }
    // Plain text format: with -fdiagnostics-format=sarif, clang 16+'s
    // BeginSourceFile casts the diagnostic client to its SARIF printer and
    // writes into it — our IgnoringDiagConsumer is not one (heap corruption).
    DO.setFormat(DiagnosticOptions::Clang);
    return Inv;
  }

  static void runNested(CompilerInstance &CI, std::shared_ptr<CompilerInvocation> Inv,
                        FrontendAction &Action, std::vector<clangwarn::Recorded> *Record) {
    CompilerInstance Nested(CI.getPCHContainerOperations());
    Nested.setInvocation(std::move(Inv));
    DiagnosticConsumer *Client = Record ? static_cast<DiagnosticConsumer *>(
                                              new clangwarn::Recorder(*Record))
                                        : new IgnoringDiagConsumer();
    Nested.createDiagnostics(Client, /*ShouldOwnClient=*/true);
    InNestedAnalysis = true;
    Nested.ExecuteAction(Action);
    InNestedAnalysis = false;
  }

  // The generator pass (GeneratorPass.h): false when it found errors (they
  // are in Result). Lowered: the lowered text, empty when nothing changed.
  bool lowerGenerators(CompilerInstance &CI, const std::string &MainPath, AnalysisResult &Result,
                       std::string &Lowered, std::vector<clangwarn::Recorded> &ClangWarnings) {
    GeneratorLowering G;
    GeneratorAction Action(G);
    runNested(CI, nestedInvocation(CI, MainPath, /*Record=*/true), Action, &ClangWarnings);
    clangwarn::dropFalloff(ClangWarnings, G.File, G.Bodies);
    if (!G.Ran || G.ParseFailed)
      return true; // the analysis parse fails too; the user's compile shows why
    if (G.HasErrors) {
      Result.Ran = true;
      Result.HasErrors = true;
      Result.Diags = std::move(G.Diags);
      return false;
    }
    if (G.Changed)
      Lowered = std::move(G.Text);
    return true;
  }

  // The analysis ran on the lowered text: its diagnostics move to the
  // user's lines; the lowered text is what the compile gets even when the
  // counting rewrite changed nothing, and when it does not compile (a
  // yielded value of the wrong type), so that the compiler's own errors
  // show at the user's lines.
  static void afterLowering(AnalysisResult &Result, const std::string &MainPath,
                            const std::string &Original, const std::string &Lowered) {
    if (Result.MainFile.empty())
      Result.MainFile = MainPath;
    for (PendingDiag &D : Result.Diags)
      if (D.File == Result.MainFile || D.File.empty())
        D.Offset = mapLoweredOffset(Lowered, Original, D.Offset);
    for (warnings::PendingWarning &W : Result.Warnings) {
      W.Where.Offset = mapLoweredOffset(Lowered, Original, W.Where.Offset);
      for (warnings::PendingPlace &N : W.Notes)
        N.Offset = mapLoweredOffset(Lowered, Original, N.Offset);
      W.FixIts.clear(); // columns of the lowered text
    }
    if (Result.ParseFailed) {
      Result.ParseFailed = false;
      Result.Ran = true;
      Result.HasErrors = false;
      Result.Diags.clear();
      Result.Rewritten.clear();
    }
    if (!Result.HasErrors && !Result.Rewritten.count(Result.MainFile))
      Result.Rewritten[Result.MainFile] = Lowered;
  }

  void emit(CompilerInstance &CI, const std::string &MainPath, const AnalysisResult &Result) {
    std::string Text;
    auto It = Result.Rewritten.find(Result.MainFile);
    if (It != Result.Rewritten.end() && !Opts.AnalyzeOnly) {
      Text = It->second;
    } else {
      // Unchanged: the original bytes.
      auto Buf = llvm::MemoryBuffer::getFile(MainPath);
      if (Buf)
        Text = (*Buf)->getBuffer().str();
    }
    if (Opts.EmitPath == "-") {
      llvm::outs() << Text;
      llvm::outs().flush();
      return;
    }
    std::error_code EC;
    llvm::raw_fd_ostream OS(Opts.EmitPath, EC, llvm::sys::fs::OF_None);
    if (EC) {
      diag::report(CI.getDiagnostics(), SourceLocation(), diag::ArgsCannotWrite,
                   {Opts.EmitPath, EC.message()});
      return;
    }
    OS << Text;
  }

  // emit= writes the main file only. The compile also installs the
  // rewritten text of the user headers that hold managed code (their
  // functions counted, their rc_new given descriptors): the emitted file
  // compiled without the plugin would include those headers as written,
  // uncounted (objects they allocate lack their type's descriptor, so
  // finalizers and field releases never run). Say so, per header.
  void warnHeadersNotEmitted(CompilerInstance &CI, const AnalysisResult &Result) {
    if (Opts.AnalyzeOnly || Result.HasErrors)
      return;
    for (const auto &[Name, Text] : Result.Rewritten)
      if (Name != Result.MainFile)
        diag::report(CI.getDiagnostics(), SourceLocation(), diag::EmitHeaderNotWritten, {Name});
  }

  void install(CompilerInstance &CI, const AnalysisResult &Result) {
    SourceManager &SM = CI.getSourceManager();
    for (const auto &[Name, Text] : Result.Rewritten) {
      auto FE = CI.getFileManager().getFileRef(Name);
      if (!FE) {
        llvm::consumeError(FE.takeError());
        diag::report(CI.getDiagnostics(), SourceLocation(), diag::CannotInstall, {Name});
        continue;
      }
      SM.overrideFileContents(*FE, llvm::MemoryBuffer::getMemBufferCopy(Text, Name));
      // The main FileID already exists, sized for the original text: give
      // the compile a new one sized for the rewritten text (headers get
      // their FileIDs when included, after this). Not yet lexed, so nothing
      // refers to the old one.
      if (Name == Result.MainFile) {
        FileID Main = SM.createFileID(*FE, SourceLocation(), SrcMgr::C_User);
        SM.setMainFileID(Main);
      }
    }
  }

  Options Opts;
};

} // namespace

} // namespace autorc

static clang::FrontendPluginRegistry::Add<autorc::AutorcAction>
    AutorcPlugin("autorc", "insert reference counting for RC_MANAGED types (autorc)");
