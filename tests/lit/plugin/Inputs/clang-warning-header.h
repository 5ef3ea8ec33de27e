// A user header the plugin leaves unchanged, with a warning of its own.
static inline int header_flag(int x) {
  int y;
  if (x = 2)
    return 1;
  return 0;
}
