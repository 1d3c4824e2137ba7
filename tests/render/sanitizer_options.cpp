// Built into the render tests only under IDLIB_SANITIZE. Mesa's swrast driver is unloaded before
// LeakSanitizer runs, so its own allocations show up as leaks in an "<unknown module>" that no
// suppression can name; memory errors and undefined behaviour are still caught here, and leak
// checking stays on for every test binary that does not load a GL driver.
extern "C" const char* __asan_default_options() {
  return "detect_leaks=0";
}
