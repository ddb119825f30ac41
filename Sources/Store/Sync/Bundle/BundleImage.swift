import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// 内存副本 — an imported bundle's private copy held in this process's memory instead of a
/// scratch file: nobody else can change it between validation and application, and SQLite reads
/// it in place (`Connection(image:)`). Anonymous memory in large pages: writing a fresh scratch
/// file of the same size cost the page cache a new page for every 4 KB, which on a virtual
/// machine took up to a third of a township's first import.
final class BundleImage {
  /// Images up to this size are copied into memory; a larger one goes to a scratch file.
  /// `ZWFW_BUNDLE_MEMORY_LIMIT` (bytes; 0: always a scratch file) lowers it on a machine short
  /// of memory (either copy is private); tests lower it to take the scratch path.
  nonisolated(unsafe) static var memoryLimit = configuredLimit(
    ProcessInfo.processInfo.environment["ZWFW_BUNDLE_MEMORY_LIMIT"])

  static let defaultMemoryLimit = 512 << 20

  /// The limit a setting asks for: a whole number of bytes up to the default; otherwise the
  /// default.
  static func configuredLimit(_ setting: String?) -> Int {
    guard let setting, let n = Int(setting), n >= 0 else { return defaultMemoryLimit }
    return min(n, defaultMemoryLimit)
  }

  let bytes: UnsafeMutableRawBufferPointer

  /// Reserves `count` bytes (zero-filled), or nil when the memory cannot be had.
  init?(count: Int) {
    guard count > 0 else { return nil }
    let p = mmap(nil, count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    guard let p, p != MAP_FAILED else { return nil }
    // Large pages where the kernel offers them for the asking; a hint, so its result is moot.
    _ = madvise(p, count, MADV_HUGEPAGE)
    bytes = UnsafeMutableRawBufferPointer(start: p, count: count)
  }

  deinit { munmap(bytes.baseAddress, bytes.count) }

  var readOnly: UnsafeRawBufferPointer { UnsafeRawBufferPointer(bytes) }
}
