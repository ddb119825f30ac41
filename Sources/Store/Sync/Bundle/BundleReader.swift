import Domain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Opens a bundle as untrusted input. Before anything is copied, its size must be exactly what its
/// SQLite header declares and within `BundleReader.sizeLimit` of what it carries, and the scratch
/// folder must have room: a bundle padded to 2 GB never fills the disk. The file is then copied
/// to a private temporary file in zwfw's scratch folder, so nobody can change it between
/// validation and application; the copy is opened read-only with the schema untrusted, checked
/// page by page (`quick_check`), and its schema must equal a fresh bundle's exactly: an extra
/// table, view, trigger or index is refused before anything is read.
final class BundleReader {
  /// The path the admin gave (for messages).
  let path: String
  let db: Connection
  let manifest: BundleManifest
  /// The private copy actually read (an import attaches it read-only).
  let copyPath: String

  init(path: String) throws {
    self.path = path
    let size = try Self.checkHeader(path: path)
    try Self.checkSizeLimit(path: path, size: size)
    let dir = try ScratchFolder.prepare()
    try ScratchFolder.checkFreeSpace(dir, for: size)
    let copy = ScratchFolder.newCopyPath(in: dir)
    // Tracked before it exists: a signal during the copy removes the part copied.
    ScratchFolder.track(copy)
    copyPath = copy
    do {
      try Self.copy(path, to: copy, bytes: size)
      db = try Connection(path: copy, mode: .readOnly)
      try db.hardenForUntrustedFile()
      manifest = try Self.validateStructure(db, path: path)
    } catch let e as DatabaseError {
      Self.remove(copy)
      throw e.isCorrupt ? BundleProblem.damaged(path: path) : BundleProblem.notBundle(path: path)
    } catch {
      Self.remove(copy)
      throw error
    }
  }

  deinit { Self.remove(copyPath) }

  private static func remove(_ copy: String) {
    unlink(copy)
    ScratchFolder.untrack(copy)
  }

  /// A bundle may be at most this many times what its events and ranges amount to, counting each
  /// event's payload plus 512 bytes for its other fields, plus 1 MiB; a real bundle is about 1.2×.
  static let sizeFactor = 4

  static func sizeLimit(payloadBytes: Int, items: Int) -> Int {
    sizeFactor * (payloadBytes + 512 * items) + (1 << 20)
  }

  /// Measures what the original carries, reading it in place (nothing is copied or written),
  /// and refuses a file larger than `sizeLimit` of it.
  static func checkSizeLimit(path: String, size: Int) throws {
    let payload: Int
    let items: Int
    do {
      // A plain path, never read as a `file:` URI.
      let original = try Connection(
        path: path.hasPrefix("/") ? path : "./" + path, mode: .readOnly)
      try original.hardenForUntrustedFile()
      payload = try original.fetchInt(
        "SELECT coalesce(sum(length(CAST(payload AS BLOB))), 0) FROM event")
      items =
        try original.fetchInt("SELECT count(*) FROM event")
        + original.fetchInt("SELECT count(*) FROM elided")
    } catch {
      throw error.isCorrupt
        ? BundleProblem.damaged(path: path) : BundleProblem.notBundle(path: path)
    }
    let limit = sizeLimit(payloadBytes: payload, items: items)
    if size > limit {
      throw BundleProblem.malformed(
        path: path,
        detail: "文件有 \(size) 字节,远大于其中 \(items) 项内容所需(上限 \(limit) 字节),未复制、未导入")
    }
  }

  /// Copies exactly `bytes` bytes; a file that changes size meanwhile is refused.
  static func copy(_ source: String, to copy: String, bytes: Int) throws {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw BundleProblem.unreadable(path: source) }
    defer { close(input) }
    let output = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard output >= 0 else { throw BundleProblem.unreadable(path: source) }
    defer { close(output) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var left = bytes
    while true {
      let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if n < 0, errno == EINTR { continue }
      guard n >= 0 else { throw BundleProblem.unreadable(path: source) }
      if n == 0 { break }
      guard n <= left else {
        throw BundleProblem.malformed(path: source, detail: "文件在复制时变大了,未导入")
      }
      var done = 0
      while done < n {
        let w = buffer.withUnsafeBytes { raw -> Int in
          guard let base = raw.baseAddress else { return -1 }
          return write(output, base + done, n - done)
        }
        if w < 0, errno == EINTR { continue }
        guard w > 0 else {
          throw StoreError.invalid("无法写入临时目录(\(String(cString: strerror(errno)))),同步文件未导入")
        }
        done += w
      }
      left -= n
    }
    if left > 0 {
      throw BundleProblem.incomplete(path: source, expectedBytes: bytes, actualBytes: bytes - left)
    }
  }

  /// The SQLite header: magic, a rollback-journal file (not WAL), and the size it declares, which
  /// the file must have exactly: a file cut short in copying is named as such rather than as
  /// "damaged", and one padded past its end is refused before it is copied.
  /// - Returns: the file's size.
  static func checkHeader(path: String) throws -> Int {
    var st = stat()
    guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG,
      let handle = FileHandle(forReadingAtPath: path)
    else { throw BundleProblem.unreadable(path: path) }
    defer { try? handle.close() }
    let header: [UInt8]
    do {
      header = [UInt8](try handle.read(upToCount: 100) ?? Data())
    } catch {
      throw BundleProblem.unreadable(path: path)
    }
    let size = Int(st.st_size)
    guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
      throw BundleProblem.notBundle(path: path)
    }
    guard header[18] == 1, header[19] == 1 else { throw BundleProblem.notBundle(path: path) }
    let rawPageSize = Int(header[16]) << 8 | Int(header[17])
    let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
    func word(_ at: Int) -> Int {
      Int(header[at]) << 24 | Int(header[at + 1]) << 16 | Int(header[at + 2]) << 8
        | Int(header[at + 3])
    }
    // The in-header page count is valid when the change counter equals "version-valid-for"
    // (always so for a file written by SQLite 3.7 or later, as every bundle is).
    guard word(24) == word(92) else { throw BundleProblem.notBundle(path: path) }
    let expected = word(28) * pageSize
    if size < expected {
      throw BundleProblem.incomplete(path: path, expectedBytes: expected, actualBytes: size)
    }
    if size > expected {
      throw BundleProblem.malformed(
        path: path, detail: "文件有 \(size) 字节,而其头部声明 \(expected) 字节,未复制、未导入")
    }
    return size
  }

  static func validateStructure(_ db: Connection, path: String) throws -> BundleManifest {
    let check = try db.fetchAll("PRAGMA quick_check") { $0.text(0) }
    guard check == ["ok"] else { throw BundleProblem.damaged(path: path) }
    guard try db.fetchInt("PRAGMA application_id") == Int(BundleFormat.applicationID) else {
      throw BundleProblem.notBundle(path: path)
    }
    let format = try db.fetchInt("PRAGMA user_version")
    if format > BundleFormat.version {
      throw BundleProblem.newerFormat(path: path, found: format, known: BundleFormat.version)
    }
    guard format == BundleFormat.version else { throw BundleProblem.notBundle(path: path) }
    let found = try BundleFormat.schemaObjects(db)
    let expected = try BundleFormat.expectedObjects()
    if found != expected {
      let extra = found.filter { !expected.contains($0) }.map { "\(title($0.type)) \($0.name)" }
      throw extra.isEmpty
        ? BundleProblem.malformed(path: path, detail: "表结构与同步文件格式不符")
        : BundleProblem.foreignObjects(path: path, objects: extra)
    }
    let manifest = try BundleManifest.read(from: db, path: path)
    guard try db.fetchInt("SELECT count(*) FROM event") == manifest.eventCount,
      try db.fetchInt("SELECT count(*) FROM elided") == manifest.elidedCount
    else { throw BundleProblem.digestMismatch(path: path) }
    return manifest
  }

  static func title(_ type: String) -> String {
    switch type {
    case "table": return "表"
    case "view": return "视图"
    case "trigger": return "触发器"
    case "index": return "索引"
    default: return type
    }
  }

  /// Every item in cover order: by origin, then sequence number.
  func forEachItem(_ body: (ChainItem) throws -> Void) throws {
    try db.forEach(BundleFormat.itemsQuery) { row in try body(BundleFormat.readItem(row)) }
  }

  /// One origin's items whose first sequence number lies in `after+1 ... through`, in order.
  func forEachItem(
    origin: String, after: Int64, through: Int64, _ body: (ChainItem) throws -> Void
  ) throws {
    try db.forEach(BundleFormat.originItemsQuery, [origin, after, through]) { row in
      try body(BundleFormat.readItem(row))
    }
  }

  /// `file:` URI of the private copy, read-only, for ATTACH.
  var readOnlyURI: String {
    let escaped = copyPath.unicodeScalars.map { c -> String in
      "?#%".unicodeScalars.contains(c) ? String(format: "%%%02X", c.value) : String(c)
    }.joined()
    return "file:\(escaped)?mode=ro"
  }

  /// The events of one stream in the bundle (init reads the new node's own registration).
  func events(stream: String) throws -> [Event] {
    try db.fetchAll(
      "SELECT \(Journal.columns) FROM event WHERE stream = ? ORDER BY ts, origin, seq", [stream],
      Journal.read)
  }
}
