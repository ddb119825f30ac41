import Domain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Opens a bundle as untrusted input. The file is first copied to a private temporary file, so
/// nobody can change it between validation and application; the copy is opened read-only with
/// the schema untrusted, checked page by page (`quick_check`), and its schema must equal a fresh
/// bundle's exactly: an extra table, view, trigger or index is refused before anything is read.
final class BundleReader {
  /// The path the admin gave (for messages).
  let path: String
  let db: Connection
  let manifest: BundleManifest
  /// The private copy actually read (an import attaches it read-only).
  let copyPath: String

  /// Who wrote the file for whom, as its authenticated trailer says (equal to the manifest).
  let seal: BundleSeal

  /// - Parameter key: the pair key to check the file's code with, chosen by the trailer's
  ///   (still unauthenticated) sender; it throws when this node has none.
  init(path: String, key: (BundleSeal) throws -> [UInt8]) throws {
    self.path = path
    guard let (seal, imageLength, _) = BundleSeal.read(path: path) else {
      // Name a missing, foreign or cut file as such; a whole SQLite file without a trailer is an
      // unauthenticated one.
      try Self.checkHeader(path: path)
      throw BundleProblem.unsealed(path: path)
    }
    self.seal = seal
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zwfw-bundle-\(getpid())-\(UUID().uuidString)"
    ).path
    // The code is checked on the bytes as they are copied, before SQLite reads any of them.
    guard try seal.copyVerified(path: path, to: copy, key: try key(seal), imageLength: imageLength)
    else { throw BundleProblem.forged(path: path, peer: seal.from) }
    copyPath = copy
    do {
      try Self.checkHeader(path: copy)
      db = try Connection(path: copy, mode: .readOnly)
      try db.hardenForUntrustedFile()
      manifest = try Self.validateStructure(db, path: path)
      guard manifest.fromNode == seal.from, manifest.toNode == seal.to,
        (manifest.kind == .enrolment) == (seal.kind == .enrolment)
      else { throw BundleProblem.malformed(path: path, detail: "认证信息与清单不符") }
    } catch let e as DatabaseError {
      try? FileManager.default.removeItem(atPath: copy)
      throw e.isCorrupt ? BundleProblem.damaged(path: path) : BundleProblem.notBundle(path: path)
    } catch {
      try? FileManager.default.removeItem(atPath: copy)
      throw error
    }
  }

  deinit { try? FileManager.default.removeItem(atPath: copyPath) }

  /// The SQLite header: magic, a rollback-journal file (not WAL), and the size it declares, so a
  /// file cut short in copying is named as such rather than as "damaged".
  static func checkHeader(path: String) throws {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular,
      let handle = FileHandle(forReadingAtPath: path)
    else { throw BundleProblem.unreadable(path: path) }
    defer { try? handle.close() }
    let header: [UInt8]
    do {
      header = [UInt8](try handle.read(upToCount: 100) ?? Data())
    } catch {
      throw BundleProblem.unreadable(path: path)
    }
    let size = (attributes[.size] as? Int) ?? 0
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
    // The in-header page count is valid when the change counter equals "version-valid-for".
    if word(24) == word(92) {
      let expected = word(28) * pageSize
      if size < expected {
        throw BundleProblem.incomplete(path: path, expectedBytes: expected, actualBytes: size)
      }
    }
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
