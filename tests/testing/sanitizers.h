// Whether this test binary is built with AddressSanitizer. GCC defines
// __SANITIZE_ADDRESS__; clang says so through __has_feature.
#ifndef VANBAN_TESTS_TESTING_SANITIZERS_H_
#define VANBAN_TESTS_TESTING_SANITIZERS_H_

namespace vanban::testing {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_SANITIZERS_H_
