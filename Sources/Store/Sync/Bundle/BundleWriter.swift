import Domain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a bundle through the one file writer: a temporary file in the destination's folder,
/// fsynced, then linked in under its name without replacing anything, so the path holds either
/// nothing or a whole bundle.
final class BundleWriter {
  let path: String
  private let file: PendingFile
  private var db: Connection?
  private var digest = BundleDigest()
  private(set) var eventCount = 0
  private(set) var elidedCount = 0

  /// Refuses an existing destination: a bundle never overwrites a file (least of all a database).
  init(path: String, files: FileWriter) throws {
    self.path = path
    file = try files.begin(path)
    let db = try Connection(path: file.temporaryPath, mode: .readWrite(create: true))
    self.db = db
    do {
      // No rollback journal and no syncs while writing: until it is linked in the file is
      // scratch, and it is fsynced once, whole, before it gets its name.
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
  /// (an enrolment file also carries the key), then fsyncs and links it in.
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
    try seal.append(to: file.temporaryPath, key: key)
    // Owner only: a bundle holds personal data, and an enrolment file the pair key itself.
    guard chmod(file.temporaryPath, S_IRUSR | S_IWUSR) == 0 else {
      throw StoreError.invalid("无法设置同步文件 \(path) 的权限")
    }
    _ = try file.commit()
    return m
  }

  /// Removes the temporary file (after a failure, or if `finish` never ran).
  func abandon() {
    db = nil
    file.abandon()
  }
}
