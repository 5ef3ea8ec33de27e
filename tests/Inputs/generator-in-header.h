// A generator defined in a header: the generator pass lowers the main file
// only (diag-generator.c).
RC_GENERATOR(int) static inline rc_gen *count_in_header(void) {
    rc_yield(1);
}
