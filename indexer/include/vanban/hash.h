// The one hash function of vanban: 64-bit FNV-1a, stable across runs,
// compilers and platforms (it is written into indexes: shard placement,
// digests, id terms of long ids, campaign ids). Thread-safe, no state.
#ifndef VANBAN_HASH_H_
#define VANBAN_HASH_H_

#include <cstdint>
#include <string_view>

namespace vanban {

// FNV's own offset basis.
inline constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ULL;
// The basis vanban's digests have always started from (a digit short of
// FNV's): every existing index holds digests made with it, so it stays.
inline constexpr std::uint64_t kDigestBasis = 1469598103934665603ULL;

// 64-bit FNV-1a of `bytes`, from `basis`.
constexpr std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t basis = kFnvOffsetBasis) {
  constexpr std::uint64_t kFnvPrime = 1099511628211ULL;
  std::uint64_t h = basis;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

}  // namespace vanban

#endif  // VANBAN_HASH_H_
