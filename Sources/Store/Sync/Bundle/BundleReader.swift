import Domain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Opens a bundle as untrusted input. Before anything is copied, its SQLite image must be exactly
/// the size its header declares and the scratch folder must have room for it: a bundle padded to
/// 2 GB never fills the disk. The image is then copied to a private file in zwfw's scratch folder
/// (`ScratchFolder`) while its code is checked, so nobody can change it between validation and
/// application; the copy must be within `sizeLimit` of what it carries, is opened read-only with
/// the schema untrusted, checked page by page (`quick_check`), and its schema must equal a fresh
/// bundle's exactly: an extra table, view, trigger or index is refused before anything is read.
final class BundleReader {
  /// The path the admin gave (for messages).
  let path: String
  let db: Connection
  let manifest: BundleManifest
  /// The private copy actually read, in memory (`image`) or, for an image larger than
  /// `BundleImage.memoryLimit`, in a scratch file (`copyPath`); an import attaches it read-only.
  let image: BundleImage?
  let copyPath: String?

  /// Who wrote the file for whom, as its authenticated trailer says (equal to the manifest).
  let seal: BundleSeal

  /// - Parameter key: the pair key to check the file's code with, chosen by the trailer's
  ///   (still unauthenticated) sender; it throws when this node has none.
  init(path: String, key: (BundleSeal) throws -> [UInt8]) throws {
    self.path = path
    guard let (seal, imageLength, _) = BundleSeal.read(path: path) else {
      // Name a missing, foreign, cut or padded file as such; a whole SQLite file without a
      // trailer is an unauthenticated one.
      try Self.checkHeader(path: path)
      throw BundleProblem.unsealed(path: path)
    }
    self.seal = seal
    // Before any copy: the image is the size its header declares (and, for a scratch file, the
    // scratch folder has room for it: the copy never takes more).
    let size = try Self.checkHeader(path: path, imageLength: Int(imageLength))
    if size <= BundleImage.memoryLimit, let image = BundleImage(count: size) {
      self.image = image
      copyPath = nil
      do {
        // The code is checked on the bytes as they are copied, before SQLite reads any of them.
        guard seal.readVerified(path: path, into: image, key: try key(seal)) else {
          throw BundleProblem.forged(path: path, peer: seal.from)
        }
        try Self.checkHeader(Array(image.readOnly.prefix(100)), size: size, path: path)
        let open = { () throws(DatabaseError) in try Connection(image: image.readOnly, owner: image)
        }
        (db, manifest) = try Self.open(open, size: size, path: path, seal: seal)
      } catch let e as DatabaseError {
        throw e.isCorrupt ? BundleProblem.damaged(path: path) : BundleProblem.notBundle(path: path)
      }
      return
    }
    image = nil
    let dir = try ScratchFolder.prepare()
    try ScratchFolder.checkFreeSpace(dir, for: size)
    let copy = ScratchFolder.newCopyPath(in: dir)
    // Tracked before it exists: a signal during the copy removes the part copied.
    ScratchFolder.track(copy)
    copyPath = copy
    do {
      // The code is checked on the bytes as they are copied, before SQLite reads any of them.
      guard
        try seal.copyVerified(path: path, to: copy, key: try key(seal), imageLength: imageLength)
      else { throw BundleProblem.forged(path: path, peer: seal.from) }
      try Self.checkHeader(path: copy)
      let open = { () throws(DatabaseError) in try Connection(path: copy, mode: .readOnly) }
      (db, manifest) = try Self.open(open, size: size, path: path, seal: seal)
    } catch let e as DatabaseError {
      Self.remove(copy)
      throw e.isCorrupt ? BundleProblem.damaged(path: path) : BundleProblem.notBundle(path: path)
    } catch {
      Self.remove(copy)
      throw error
    }
  }

  /// Opens the authenticated private copy (`open`, twice: once to measure it) and checks it:
  /// within `sizeLimit` of what it carries, read-only with its schema untrusted, page by page,
  /// a fresh bundle's schema exactly, and a manifest that agrees with the seal.
  private static func open(
    _ open: () throws(DatabaseError) -> Connection, size: Int, path: String, seal: BundleSeal
  ) throws -> (Connection, BundleManifest) {
    let counts = try checkSizeLimit(open, size: size, path: path)
    let db = try open()
    try db.hardenForUntrustedFile()
    let manifest = try validateStructure(db, path: path, counts: counts)
    guard manifest.fromNode == seal.from, manifest.toNode == seal.to,
      (manifest.kind == .enrolment) == (seal.kind == .enrolment)
    else { throw BundleProblem.malformed(path: path, detail: "认证信息与清单不符") }
    return (db, manifest)
  }

  deinit {
    if let copyPath { Self.remove(copyPath) }
  }

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

  /// Measures what the (authenticated) copy carries and refuses an image larger than
  /// `sizeLimit` of it, before anything else of it is read.
  /// - Returns: how many events and elided ranges it holds (the manifest must say the same).
  @discardableResult
  static func checkSizeLimit(copy: String, size: Int, path: String) throws
    -> (events: Int, elided: Int)
  {
    try checkSizeLimit(
      { () throws(DatabaseError) in try Connection(path: copy, mode: .readOnly) }, size: size,
      path: path)
  }

  /// `checkSizeLimit(copy:)` on a copy `open` opens (a file or an image in memory).
  static func checkSizeLimit(
    _ open: () throws(DatabaseError) -> Connection, size: Int, path: String
  ) throws
    -> (events: Int, elided: Int)
  {
    let payload: Int
    let items: Int
    let counts: (events: Int, elided: Int)
    do {
      let image = try open()
      try image.hardenForUntrustedFile()
      // One pass over the events for both figures (each is a scan of the whole image).
      let events =
        try image.fetchOne(
          "SELECT count(*), coalesce(sum(length(CAST(payload AS BLOB))), 0) FROM event"
        ) { (count: $0.int(0), bytes: $0.int(1)) } ?? (count: 0, bytes: 0)
      payload = events.bytes
      counts = (events.count, try image.fetchInt("SELECT count(*) FROM elided"))
      items = counts.events + counts.elided
    } catch {
      throw error.isCorrupt
        ? BundleProblem.damaged(path: path) : BundleProblem.notBundle(path: path)
    }
    let limit = sizeLimit(payloadBytes: payload, items: items)
    if size > limit {
      throw BundleProblem.malformed(
        path: path,
        detail: "文件有 \(size) 字节,远大于其中 \(items) 项内容所需(上限 \(limit) 字节),未导入")
    }
    return counts
  }

  /// The SQLite header: magic, a rollback-journal file (not WAL), and the size it declares, which
  /// the file must have exactly: a file cut short in copying is named as such rather than as
  /// "damaged", and one padded past its end is refused before it is copied.
  /// - Parameter imageLength: the image's length when a trailer follows it; the file's size
  ///   otherwise.
  /// - Returns: the image's size.
  @discardableResult
  static func checkHeader(path: String, imageLength: Int? = nil) throws -> Int {
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
    return try checkHeader(header, size: imageLength ?? Int(st.st_size), path: path)
  }

  /// The checks of `checkHeader(path:)` on an image's first 100 bytes and its size.
  @discardableResult
  static func checkHeader(_ header: [UInt8], size: Int, path: String) throws -> Int {
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

  /// - Parameter counts: the events and elided ranges `checkSizeLimit` counted in the same
  ///   (private, read-only) copy; counted here when not given.
  static func validateStructure(
    _ db: Connection, path: String, counts: (events: Int, elided: Int)? = nil
  ) throws -> BundleManifest {
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
    let events = try counts?.events ?? db.fetchInt("SELECT count(*) FROM event")
    let elided = try counts?.elided ?? db.fetchInt("SELECT count(*) FROM elided")
    guard events == manifest.eventCount, elided == manifest.elidedCount else {
      throw BundleProblem.digestMismatch(path: path)
    }
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

  /// Attaches the private copy read-only to `db` as schema `schema`.
  func attach(to db: Connection, as schema: String) throws {
    if let image {
      try db.attach(image: image.readOnly, owner: image, as: schema)
    } else if let copyPath {
      try db.run("ATTACH DATABASE ? AS \(schema)", [Self.readOnlyURI(copyPath)])
    }
  }

  /// `file:` URI of a private copy, read-only, for ATTACH.
  static func readOnlyURI(_ copyPath: String) -> String {
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
