// HostCheck.cpp — autorc-tidy.so refuses a clang-tidy of another LLVM version.
//
// The module calls into the clang-tidy process that loads it. Loaded by a
// clang-tidy of another major version (Debian's unversioned clang-tidy is
// 14), its checks register into nothing: clang-tidy prints nothing and exits
// 0, a silent "no warnings". Before any other constructor of the module runs
// (priority 101), this one finds the libclang-cpp.so.<major> mapped into the
// process and, if its major differs from the one the module was built for,
// prints an error naming the right clang-tidy and exits 1. A clang-tidy
// linked statically (no libclang-cpp mapped) is not judged.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace {

// The major version of the libclang-cpp.so mapped into this process, or 0.
int hostClangMajor() {
  FILE *Maps = std::fopen("/proc/self/maps", "r");
  if (!Maps)
    return 0;
  char Line[4096];
  int Major = 0;
  while (!Major && std::fgets(Line, sizeof Line, Maps)) {
    const char *P = std::strstr(Line, "/libclang-cpp.so.");
    if (P)
      Major = std::atoi(P + std::strlen("/libclang-cpp.so."));
  }
  std::fclose(Maps);
  return Major;
}

__attribute__((constructor(101))) void refuseOtherClangTidy() {
  int Host = hostClangMajor();
  if (Host == 0 || Host == AUTORC_LLVM_MAJOR)
    return;
  std::fprintf(stderr,
               "error: autorc-tidy.so is built for clang-tidy %d, but it was loaded by a "
               "clang-tidy of LLVM %d, which would run none of its checks: run "
               "/usr/lib/llvm-%d/bin/clang-tidy (Debian: clang-tidy-%d)\n",
               AUTORC_LLVM_MAJOR, Host, AUTORC_LLVM_MAJOR, AUTORC_LLVM_MAJOR);
  std::fflush(stderr);
  _exit(1);
}

} // namespace
