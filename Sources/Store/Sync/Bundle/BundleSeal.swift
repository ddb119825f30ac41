import Domain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// 认证码 — the trailer after a bundle's SQLite image: who wrote it for whom, the pair key itself
/// in an enrolment file, and an HMAC-SHA256 under the pair key over every byte before the code
/// (the whole image — manifest, marks, witnesses, events, elided ranges — and the trailer's own
/// fields). It lies outside the image so the code is checked on the raw bytes, before SQLite or
/// anything else reads one row of a file that could have been made by anyone.
///
/// Layout (106 bytes): `ZWFWSEAL`, version 1, kind (0 sync, 1 enrolment), from node and to node
/// (12 bytes each, ASCII, zero-padded), the carried key (32 bytes, zero in a sync bundle), the
/// image's length (8 bytes, big-endian), the code (32 bytes).
struct BundleSeal: Equatable {
  enum Kind: UInt8 {
    case sync = 0
    case enrolment = 1
  }

  var kind: Kind
  var from: String
  var to: String
  /// The new pair key, in an enrolment (or re-key) file only.
  var carriedKey: [UInt8]?

  static let magic = Array("ZWFWSEAL".utf8)
  static let version: UInt8 = 1
  static let codeWidth = 12
  static let size = 8 + 1 + 1 + 12 + 12 + 32 + 8 + 32
  /// Bytes of the trailer the code covers (all but the code itself).
  static let coveredSize = size - HMACSHA256.length

  /// The trailer's fields before the code, for an image of `length` bytes.
  func fields(imageLength: UInt64) -> [UInt8] {
    var out = Self.magic
    out.append(Self.version)
    out.append(kind.rawValue)
    for code in [from, to] {
      let bytes = Array(code.utf8.prefix(Self.codeWidth))
      out += bytes + [UInt8](repeating: 0, count: Self.codeWidth - bytes.count)
    }
    out += carriedKey ?? [UInt8](repeating: 0, count: HMACSHA256.length)
    for shift in stride(from: 56, through: 0, by: -8) {
      out.append(UInt8(truncatingIfNeeded: imageLength >> UInt64(shift)))
    }
    return out
  }

  /// Parses the trailer's fields (not yet trusted: the code is checked by `copyVerified`).
  static func parse(_ bytes: [UInt8]) -> (seal: BundleSeal, imageLength: UInt64, code: [UInt8])? {
    guard bytes.count == size, Array(bytes[0..<8]) == magic, bytes[8] == version,
      let kind = Kind(rawValue: bytes[9])
    else { return nil }
    func code(_ at: Int) -> String? {
      let raw = bytes[at..<(at + codeWidth)].prefix { $0 != 0 }
      guard !raw.isEmpty, raw.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) })
      else { return nil }
      return String(decoding: raw, as: UTF8.self)
    }
    guard let from = code(10), let to = code(22) else { return nil }
    let key = Array(bytes[34..<66])
    let length = bytes[66..<74].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    switch kind {
    case .sync: guard key.allSatisfy({ $0 == 0 }) else { return nil }
    case .enrolment: guard key.contains(where: { $0 != 0 }) else { return nil }
    }
    return (
      BundleSeal(kind: kind, from: from, to: to, carriedKey: kind == .enrolment ? key : nil),
      length, Array(bytes[74..<size])
    )
  }

  /// Appends the trailer to a finished image at `path` (before it is fsynced and named).
  func append(to path: String, key: [UInt8]) throws {
    guard let handle = FileHandle(forUpdatingAtPath: path) else {
      throw StoreError.invalid("无法打开 \(path) 以写入认证码")
    }
    defer { try? handle.close() }
    var mac = HMACSHA256(key: key)
    var length: UInt64 = 0
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      mac.update(chunk)
      length += UInt64(chunk.count)
    }
    let covered = fields(imageLength: length)
    mac.update(covered)
    try handle.write(contentsOf: Data(covered + mac.finalize()))
  }

  /// Reads the trailer of the file at `path`; nil when it has none (an old or cut file).
  static func read(path: String) -> (seal: BundleSeal, imageLength: UInt64, code: [UInt8])? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let end = try? handle.seekToEnd(), end >= UInt64(size) else { return nil }
    do {
      try handle.seek(toOffset: end - UInt64(size))
      guard let bytes = try handle.read(upToCount: size), let parsed = parse([UInt8](bytes)),
        parsed.imageLength == end - UInt64(size)
      else { return nil }
      return parsed
    } catch {
      return nil
    }
  }

  /// Copies the image of `path` to a new private file `copy` (mode 0600, never an existing
  /// file) while computing its code under `key`, then reads the trailer after it from the same
  /// handle; true when that trailer is `self` and its code matches. Otherwise the copy is removed
  /// and nothing of the file has been interpreted.
  func copyVerified(path: String, to copy: String, key: [UInt8], imageLength: UInt64) throws
    -> Bool
  {
    let fd = open(copy, O_WRONLY | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR)
    guard fd >= 0 else { throw StoreError.invalid("无法创建临时文件 \(copy)") }
    let output = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    let good = verified(path: path, key: key, imageLength: imageLength) {
      try Self.writeAll($0, to: fd)
    }
    // Not synced: the copy is a scratch file read back at once through the page cache and
    // removed after the import; a crash loses nothing (the bundle itself is still there).
    // Syncing it wrote the whole bundle to the disk once more on every import.
    do { try output.close() } catch {
      unlink(copy)
      return false
    }
    if !good { unlink(copy) }
    return good
  }

  /// Copies the image of `path` into `image` (exactly `imageLength` bytes) while computing its
  /// code under `key`, as `copyVerified` does into a file; true when the trailer is `self` and
  /// its code matches.
  func readVerified(path: String, into image: BundleImage, key: [UInt8]) -> Bool {
    var at = 0
    return verified(path: path, key: key, imageLength: UInt64(image.bytes.count)) { chunk in
      guard at + chunk.count <= image.bytes.count else { throw StoreError.invalid("同步文件超长") }
      UnsafeMutableRawBufferPointer(rebasing: image.bytes[at..<(at + chunk.count)])
        .copyMemory(from: chunk)
      at += chunk.count
    }
  }

  /// Reads the image of `path` once, handing each chunk to `sink` as its code under `key` is
  /// computed, then the trailer after it from the same handle: true when that trailer is `self`
  /// and its code matches (nothing is interpreted before).
  private func verified(
    path: String, key: [UInt8], imageLength: UInt64,
    _ sink: (UnsafeRawBufferPointer) throws -> Void
  ) -> Bool {
    guard let input = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? input.close() }
    var mac = HMACSHA256(key: key)
    var left = imageLength
    var trailer: [UInt8] = []
    // One buffer for the whole copy: a new megabyte per chunk cost an allocation and its page
    // faults every time (a bundle is read once, hashed and copied from the same bytes).
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    do {
      while left > 0 {
        let got = Glibc.read(input.fileDescriptor, buffer.baseAddress, Int(min(left, 1 << 20)))
        if got < 0, errno == EINTR { continue }
        guard got > 0 else { break }
        let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<got])
        mac.update(chunk)
        try sink(chunk)
        left -= UInt64(got)
      }
      trailer = [UInt8](try input.read(upToCount: Self.size) ?? Data())
    } catch {
      return false
    }
    let covered = Array(trailer.prefix(Self.coveredSize))
    guard left == 0, let parsed = Self.parse(trailer), parsed.seal == self,
      parsed.imageLength == imageLength, covered == fields(imageLength: imageLength)
    else { return false }
    mac.update(covered)
    return HMACSHA256.equal(mac.finalize(), parsed.code)
  }

  /// Writes all of `bytes` to `fd` (a short write continues where it stopped).
  private static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) throws {
    var done = 0
    while done < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { throw StoreError.invalid("无法写入临时文件") }
      done += n
    }
  }
}
