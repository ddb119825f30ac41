import Foundation

/// 哈希 — SHA-256 (FIPS 180-4), for the audit chain of events (第四十二条) and export bundles.
///
/// Written here because the project takes no package dependencies and Foundation on Linux has no
/// hash API. Speed matters because `zwfw audit verify` rehashes every event ever recorded: whole
/// 64-byte blocks are compressed straight from the caller's contiguous storage, the message
/// schedule lives on the stack, and only a partial block is ever copied.
public struct SHA256: Sendable {
  /// The eight working variables H0…H7, initialised to the first 32 bits of the fractional parts of
  /// the square roots of the first 8 primes (FIPS 180-4 §5.3.3). A tuple, not an array, so the
  /// state is stored inline and copying a hasher allocates nothing.
  var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
    0x5be0_cd19
  )
  /// Bytes of an incomplete block, waiting for the next `update` or `finalize`: the first
  /// `pendingCount` bytes of 64 stored inline, so a hasher allocates nothing (an import hashes
  /// each event it receives in some twenty small pieces, on a thread of its own).
  private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
    0, 0, 0, 0, 0, 0, 0, 0
  )
  private var pendingCount = 0
  /// Total message length in bytes, for the padding.
  private var length: UInt64 = 0

  public init() {}

  /// Feeds more of the message. Contiguous inputs (`[UInt8]`, `Data`, a native string's
  /// `utf8`) are read in place; other sequences are gathered in chunks first.
  public mutating func update(_ bytes: some Sequence<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      update(buffer: UnsafeRawBufferPointer(buffer))
    }
    if done != nil { return }
    var chunk = [UInt8](repeating: 0, count: 4096)
    var filled = 0
    for byte in bytes {
      chunk[filled] = byte
      filled += 1
      if filled == chunk.count {
        chunk.withUnsafeBytes { update(buffer: $0) }
        filled = 0
      }
    }
    chunk.withUnsafeBytes { update(buffer: UnsafeRawBufferPointer(rebasing: $0.prefix(filled))) }
  }

  /// Pads the message and returns the 32-byte digest. The hasher is spent afterwards: start a new
  /// one for another message.
  public mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail: [UInt8] = [0x80]
    // Pad with zeros up to 56 mod 64, leaving room for the 8-byte big-endian bit length.
    let zeros = (55 &- Int(length % 64) + 64) % 64
    tail.append(contentsOf: repeatElement(0, count: zeros))
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    tail.withUnsafeBytes { update(buffer: $0) }
    var digest: [UInt8] = []
    digest.reserveCapacity(32)
    let (h0, h1, h2, h3, h4, h5, h6, h7) = state
    for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
      digest.append(UInt8(truncatingIfNeeded: word >> 24))
      digest.append(UInt8(truncatingIfNeeded: word >> 16))
      digest.append(UInt8(truncatingIfNeeded: word >> 8))
      digest.append(UInt8(truncatingIfNeeded: word))
    }
    return digest
  }

  /// The digest of a whole message at once.
  public static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Lowercase hexadecimal, as `sha256sum` prints and the audit chain stores.
  public static func hex(_ bytes: [UInt8]) -> String {
    String(unsafeUninitializedCapacity: bytes.count * 2) { out in
      for (i, byte) in bytes.enumerated() {
        out[2 * i] = hexDigit(byte >> 4)
        out[2 * i + 1] = hexDigit(byte & 0x0f)
      }
      return bytes.count * 2
    }
  }

  /// `0`–`9`, `a`–`f` for 0…15.
  private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }

  private mutating func update(buffer: UnsafeRawBufferPointer) {
    guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
    length &+= UInt64(buffer.count)
    var offset = 0
    if pendingCount > 0 {
      let take = min(64 - pendingCount, buffer.count)
      let at = pendingCount
      withUnsafeMutableBytes(of: &pending) { block in
        UnsafeMutableRawBufferPointer(rebasing: block[at..<(at + take)])
          .copyMemory(from: UnsafeRawBufferPointer(start: base, count: take))
      }
      pendingCount += take
      offset = take
      guard pendingCount == 64 else { return }
      // Through a copy on the stack: compressing straight from `pending` would overlap two
      // accesses to `self`, which exclusivity checking forbids.
      let block = pending
      withUnsafeBytes(of: block) { compress(blocks: $0) }
      pendingCount = 0
    }
    let whole = (buffer.count - offset) / 64 * 64
    if whole > 0 {
      compress(blocks: UnsafeRawBufferPointer(start: base + offset, count: whole))
      offset += whole
    }
    let left = buffer.count - offset
    if left > 0 {
      withUnsafeMutableBytes(of: &pending) { block in
        UnsafeMutableRawBufferPointer(rebasing: block[..<left])
          .copyMemory(from: UnsafeRawBufferPointer(start: base + offset, count: left))
      }
      pendingCount = left
    }
  }
}
