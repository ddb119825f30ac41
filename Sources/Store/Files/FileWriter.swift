import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// 写文件 — the one way zwfw writes a file (CSV, JSON, bundles, enrolment files, backups,
/// notices): a temporary file in the target's own folder, fsynced, then linked in under the
/// target's name *without replacing* anything (`link(2)`, or `renameat2(RENAME_NOREPLACE)` where
/// the filesystem has no hard links), then the folder fsynced. The target holds either nothing or
/// the whole file, an existing file is never replaced or removed, and the node's own database is
/// refused by identity whatever path names it.
public struct FileWriter: Sendable {
  /// What to do when the target's name is taken.
  public enum Existing: Sendable {
    /// Refuse, suggesting a free name (`--out` of every command).
    case refuse
    /// Take the first free name of `name-2.ext`, `name-3.ext`, … (notices).
    case freeName
  }

  public var access: FileAccess
  /// Files never written to: the node's database and its `-wal`/`-shm`/`-journal`.
  public var protected: Set<FileIdentity>

  public init(access: FileAccess = .owner, protected: Set<FileIdentity> = []) {
    self.access = access
    self.protected = protected
  }

  /// Writes `data` as a new file at `path`.
  /// - Returns: the path written (another name than `path` only with `.freeName`).
  @discardableResult
  public func write(
    _ data: Data, to path: String, existing: Existing = .refuse, createFolders: Bool = false,
    folderMode: mode_t? = nil
  ) throws -> String {
    let file = try begin(
      path, existing: existing, createFolders: createFolders, folderMode: folderMode)
    try file.write(data)
    return try file.commit()
  }

  /// Makes a new file at `path` whose content `fill` writes by name (SQLite's `VACUUM INTO`, a
  /// bundle's connection): `fill` gets the temporary file's path, an empty file private to us.
  @discardableResult
  public func create<T>(
    _ path: String, existing: Existing = .refuse, createFolders: Bool = false,
    mode: mode_t? = nil, fill: (String) throws -> T
  ) throws -> (path: String, value: T) {
    let file = try begin(path, existing: existing, createFolders: createFolders, mode: mode)
    let value = try fill(file.temporaryPath)
    return (try file.commit(), value)
  }

  /// Refuses a target that would be refused at the end (a taken name, the database, a missing
  /// folder or a link in the way) before any work is done for it.
  public func check(_ path: String) throws {
    let (dir, name) = try Self.split(path)
    let folder = try Folder.open(dir, create: false, mode: access.folderMode, access: access)
    try refuseTaken(name, in: folder, path: path)
  }

  /// Starts a new file: the temporary file exists, empty, with its final mode.
  public func begin(
    _ path: String, existing: Existing = .refuse, createFolders: Bool = false,
    folderMode: mode_t? = nil, mode: mode_t? = nil
  ) throws -> PendingFile {
    let (dir, name) = try Self.split(path)
    let folder = try Folder.open(
      dir, create: createFolders, mode: folderMode ?? access.folderMode, access: access)
    if existing == .refuse { try refuseTaken(name, in: folder, path: path) }
    Self.removeLeftovers(in: folder)
    return try PendingFile(
      writer: self, folder: folder, name: name, existing: existing,
      mode: mode ?? access.fileMode)
  }

  func refuseTaken(_ name: String, in folder: Folder, path: String) throws {
    guard let st = folder.status(name) else { return }
    if protected.contains(FileIdentity(st)) { throw FileProblem.database(path: path) }
    throw FileProblem.exists(path: path, suggestion: Self.freeName(name, in: folder, path: path))
  }

  /// `report.csv` → the first of `report-2.csv`, `report-3.csv`, … not taken in the folder.
  static func freeName(_ name: String, in folder: Folder, path: String) -> String? {
    for n in 2..<1000 where folder.status(numbered(name, n)) == nil {
      let dir = (path as NSString).deletingLastPathComponent
      return dir.isEmpty
        ? numbered(name, n) : (dir as NSString).appendingPathComponent(numbered(name, n))
    }
    return nil
  }

  static func numbered(_ name: String, _ n: Int) -> String {
    let ext = (name as NSString).pathExtension
    let stem = (name as NSString).deletingPathExtension
    return ext.isEmpty || stem.isEmpty ? "\(name)-\(n)" : "\(stem)-\(n).\(ext)"
  }

  /// An empty database file, private (or the node's group's, 0660), never over an existing file.
  public static func createDatabaseFile(_ path: String) throws {
    let access = FileAccess.node(database: path)
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, access.databaseMode)
    if fd < 0, errno == EEXIST { throw FileProblem.exists(path: path, suggestion: nil) }
    guard fd >= 0 else { throw FileProblem.failed(path: path, reason: FileProblem.errnoText()) }
    defer { close(fd) }
    guard access.apply(to: fd, mode: access.databaseMode) == 0 else {
      throw FileProblem.failed(path: path, reason: FileProblem.errnoText())
    }
  }

  static func split(_ path: String) throws -> (folder: String, name: String) {
    let name = (path as NSString).lastPathComponent
    guard !path.isEmpty, !path.hasSuffix("/"), name != ".", name != ".." else {
      throw FileProblem.failed(path: path, reason: "不是文件名")
    }
    let dir = (path as NSString).deletingLastPathComponent
    return (dir.isEmpty ? "." : dir, name)
  }
}

/// A file being written: a temporary name in the target's folder until `commit` links it in.
/// Dropped without `commit`, it leaves nothing behind.
public final class PendingFile {
  let writer: FileWriter
  let folder: Folder
  let name: String
  let existing: FileWriter.Existing
  let temporaryName: String
  let mode: mode_t
  private var fd: Int32
  private var done = false

  /// The temporary file, by a path pinned to the target's folder (for SQLite).
  public var temporaryPath: String { folder.pinnedPath(temporaryName) }

  init(
    writer: FileWriter, folder: Folder, name: String, existing: FileWriter.Existing, mode: mode_t
  ) throws {
    self.writer = writer
    self.mode = mode
    self.folder = folder
    self.name = name
    self.existing = existing
    var bytes = [UInt8](repeating: 0, count: 6)
    for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
    temporaryName =
      ".\(name.prefix(100)).\(getpid())-\(bytes.map { String(format: "%02x", $0) }.joined()).tmp"
    fd = openat(
      folder.fd, temporaryName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
    guard fd >= 0 else {
      throw FileProblem.failed(path: folder.path, reason: FileProblem.errnoText())
    }
    guard writer.access.apply(to: fd, mode: mode) == 0 else {
      let reason = FileProblem.errnoText()
      abandon()
      throw FileProblem.failed(path: folder.path, reason: reason)
    }
  }

  deinit { abandon() }

  /// The target's path as asked for.
  var requestedPath: String { (folder.path as NSString).appendingPathComponent(name) }

  public func write(_ data: Data) throws {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      guard let base = raw.baseAddress else { return }
      var offset = 0
      while offset < raw.count {
        let n = Glibc.write(fd, base + offset, raw.count - offset)
        if n < 0, errno == EINTR { continue }
        guard n > 0 else {
          throw FileProblem.failed(path: requestedPath, reason: FileProblem.errnoText())
        }
        offset += n
      }
    }
  }

  /// Makes the content durable and gives it the target's name (or, with `.freeName`, the first
  /// free numbered name). Returns the path written.
  public func commit() throws -> String {
    defer { abandon() }
    // Reopen by name: `fill` may have written through SQLite rather than our descriptor.
    let check = openat(folder.fd, temporaryName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard check >= 0 else {
      throw FileProblem.failed(path: requestedPath, reason: FileProblem.errnoText())
    }
    defer { close(check) }
    guard writer.access.apply(to: check, mode: mode) == 0, fsync(check) == 0
    else { throw FileProblem.failed(path: requestedPath, reason: FileProblem.errnoText()) }
    var candidate = name
    var n = 1
    while true {
      if Self.linkWithoutReplacing(folder.fd, temporaryName, candidate) { break }
      guard errno == EEXIST else {
        throw FileProblem.failed(path: requestedPath, reason: FileProblem.errnoText())
      }
      let path = (folder.path as NSString).appendingPathComponent(candidate)
      if existing == .refuse || n >= 999 {
        try writer.refuseTaken(candidate, in: folder, path: path)
        throw FileProblem.exists(path: path, suggestion: nil)
      }
      n += 1
      candidate = FileWriter.numbered(name, n)
    }
    guard folder.sync() else {
      throw FileProblem.failed(path: requestedPath, reason: FileProblem.errnoText())
    }
    return folder.path == "."
      ? candidate : (folder.path as NSString).appendingPathComponent(candidate)
  }

  /// Removes the temporary file (and any SQLite side file of it).
  public func abandon() {
    if fd >= 0 {
      close(fd)
      fd = -1
    }
    guard !done else { return }
    done = true
    for suffix in ["", "-journal", "-wal", "-shm"] {
      unlinkat(folder.fd, temporaryName + suffix, 0)
    }
  }

  /// `link(2)`, which never replaces; where the filesystem has no hard links (FAT on a USB
  /// stick), `renameat2(RENAME_NOREPLACE)`. False with `errno` set on failure.
  static func linkWithoutReplacing(_ dir: Int32, _ from: String, _ to: String) -> Bool {
    if linkat(dir, from, dir, to, 0) == 0 { return true }
    guard [EPERM, EOPNOTSUPP, EMLINK, ENOSYS].contains(errno), let renameNoReplace else {
      return false
    }
    return renameNoReplace(dir, from, dir, to, 1) == 0  // RENAME_NOREPLACE
  }

  private typealias RenameAt2 =
    @convention(c) (
      Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
    ) -> Int32

  /// glibc's `renameat2`, which Swift's Glibc module does not declare.
  private static let renameNoReplace: RenameAt2? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
      return nil
    }
    return unsafeBitCast(symbol, to: RenameAt2.self)
  }()
}
