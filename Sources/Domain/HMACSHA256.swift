import Foundation

/// 消息认证码 — HMAC-SHA256 (RFC 2104, with the project's own SHA-256), which authenticates every
/// bundle and enrolment file exchanged between a district and a township under their pair key.
///
/// Streaming, like `SHA256`: a bundle of many megabytes is fed in chunks as it is copied.
public struct HMACSHA256: Sendable {
  /// SHA-256's block size: keys longer than this are hashed first, shorter ones zero-padded.
  static let blockSize = 64
  public static let length = 32

  private var inner = SHA256()
  private var outerKey: [UInt8]

  public init(key: [UInt8]) {
    var block = key.count > Self.blockSize ? SHA256.hash(key) : key
    block += [UInt8](repeating: 0, count: Self.blockSize - block.count)
    outerKey = block.map { $0 ^ 0x5c }
    inner.update(block.map { $0 ^ 0x36 })
  }

  public mutating func update(_ bytes: some Sequence<UInt8>) { inner.update(bytes) }

  /// The 32-byte code. The authenticator is spent afterwards.
  public mutating func finalize() -> [UInt8] {
    var outer = SHA256()
    outer.update(outerKey)
    outer.update(inner.finalize())
    return outer.finalize()
  }

  public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
    var h = HMACSHA256(key: key)
    h.update(message)
    return h.finalize()
  }

  /// Compares two codes in time independent of where they differ, so a forger learns nothing
  /// from how long a refusal takes.
  public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var diff: UInt8 = 0
    for i in a.indices { diff |= a[i] ^ b[i] }
    return diff == 0
  }

  /// A fresh 256-bit key from the kernel's random source (`/dev/urandom`): a pair key must not
  /// come from a generator whose seed anyone could reproduce. Nil when it cannot be read.
  public static func randomKey() -> [UInt8]? {
    var key = [UInt8](repeating: 0, count: length)
    guard let f = fopen("/dev/urandom", "rb") else { return nil }
    defer { fclose(f) }
    let read = key.withUnsafeMutableBytes { fread($0.baseAddress, 1, length, f) }
    return read == length ? key : nil
  }

  /// Lower-case hexadecimal back to bytes; nil when the text is not whole bytes of hex.
  public static func bytes(hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count % 2 == 0 else { return nil }
    func value(_ c: UInt8) -> UInt8? {
      switch c {
      case 48...57: return c - 48
      case 97...102: return c - 87
      default: return nil
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(digits.count / 2)
    var i = 0
    while i < digits.count {
      guard let hi = value(digits[i]), let lo = value(digits[i + 1]) else { return nil }
      out.append(hi << 4 | lo)
      i += 2
    }
    return out
  }
}
