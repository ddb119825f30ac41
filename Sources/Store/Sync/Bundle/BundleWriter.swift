import Domain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a bundle under a temporary name in the destination's directory, then makes it durable
/// (fsync) and gives it its name (rename), so the path holds either nothing or a whole bundle.
final class BundleWriter {
  let path: String
  let temporaryPath: String
  private var db: Connection?
  private var digest = BundleDigest()
  private(set) var eventCount = 0
  private(set) var elidedCount = 0

  /// Refuses an existing destination: a bundle never overwrites a file (least of all a database).
  init(path: String) throws {
    self.path = path
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
      throw StoreError.invalid("目录 \(dir) 不存在,无法写入同步文件")
    }
    if FileManager.default.fileExists(atPath: path) { throw StoreError.exists(path) }
    temporaryPath =
      url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
      ).path
    let db = try Connection(path: temporaryPath, mode: .readWrite(create: true))
    self.db = db
    do {
      // No rollback journal and no syncs while writing: until the rename the file is scratch, and
      // it is fsynced once, whole, before it gets its name.
      try db.execute("PRAGMA journal_mode = OFF")
      try db.execute("PRAGMA synchronous = OFF")
      try db.execute("PRAGMA application_id = \(BundleFormat.applicationID)")
      try db.execute("PRAGMA user_version = \(BundleFormat.version)")
      try db.execute("BEGIN")
      try db.execute(BundleFormat.schema)
    } catch {
      abandon()
      throw error
    }
  }

  deinit { abandon() }

  private var connection: Connection {
    guard let db else { preconditionFailure("bundle writer used after finishing") }
    return db
  }

  func add(_ item: ChainItem) throws {
    digest.add(item)
    if let e = item.event {
      eventCount += 1
      try connection.run(
        """
        INSERT INTO event (origin, seq, stream, type, payload, actor, node, ts, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          e.origin, e.seq, e.stream, e.type.rawValue, e.payload, e.actor, e.node, e.timestamp,
          e.prevHash, e.hash,
        ])
    } else {
      elidedCount += 1
      try connection.run(
        "INSERT INTO elided (origin, first_seq, last_seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
        [item.origin, item.first, item.last, item.prevHash, item.hash])
    }
  }

  /// Writes the manifest (counts and digest filled in here), seals the file under the pair key
  /// (an enrolment file also carries the key), then fsyncs and renames.
  func finish(_ manifest: BundleManifest, key: [UInt8]) throws -> BundleManifest {
    var m = manifest
    m.eventCount = eventCount
    m.elidedCount = elidedCount
    m.digest = digest.finalize()
    try m.write(to: connection)
    try connection.execute("COMMIT")
    db = nil  // closes the connection: every page is in the file
    let seal = BundleSeal(
      kind: m.kind == .enrolment ? .enrolment : .sync, from: m.fromNode, to: m.toNode,
      carriedKey: m.kind == .enrolment ? key : nil)
    try seal.append(to: temporaryPath, key: key)
    // Owner only: a bundle holds personal data, and an enrolment file the pair key itself.
    guard chmod(temporaryPath, S_IRUSR | S_IWUSR) == 0 else {
      throw StoreError.invalid("无法设置同步文件 \(path) 的权限")
    }
    try Self.fsync(path: temporaryPath)
    guard rename(temporaryPath, path) == 0 else {
      throw StoreError.invalid("无法把同步文件写为 \(path)(\(String(cString: strerror(errno))))")
    }
    try Self.fsync(path: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    return m
  }

  /// Removes the temporary file (after a failure, or if `finish` never ran).
  func abandon() {
    db = nil
    if FileManager.default.fileExists(atPath: temporaryPath) {
      try? FileManager.default.removeItem(atPath: temporaryPath)
    }
  }

  static func fsync(path: String) throws {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw StoreError.invalid("无法打开 \(path) 以写入磁盘") }
    defer { close(fd) }
    guard Glibc.fsync(fd) == 0 else {
      throw StoreError.invalid("无法把 \(path) 写入磁盘(\(String(cString: strerror(errno))))")
    }
  }
}
