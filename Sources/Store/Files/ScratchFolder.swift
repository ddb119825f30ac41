import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// zwfw's own folder for temporary copies (`$TMPDIR/zwfw-UID`, 0700): an imported bundle is copied
/// here before it is read. A copy is removed on every way out — the end of the import, an error,
/// SIGINT, SIGTERM or SIGHUP — and what a SIGKILL left behind is removed at the next start.
public enum ScratchFolder {
  /// How many copies may be tracked at once for removal on a signal.
  static let slots = 4
  static let slotSize = Int(PATH_MAX) + 1

  /// The folder's path (it may not exist yet).
  /// An elevated (setgid) zwfw ignores `TMPDIR`, which the clerk controls.
  public static var path: String {
    let base =
      Privilege.isElevated
      ? "/tmp"
      : ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    return (base as NSString).appendingPathComponent("zwfw-\(getuid())")
  }

  /// Creates the folder if missing and checks it is ours alone: in a shared `/tmp` another login
  /// could have made it first, to read or swap our copies.
  static func prepare() throws -> String {
    let dir = path
    if mkdir(dir, 0o700) != 0, errno != EEXIST {
      throw StoreError.invalid("无法创建临时目录 \(dir)(\(String(cString: strerror(errno)))),同步文件未导入")
    }
    var st = stat()
    guard lstat(dir, &st) == 0, st.st_mode & S_IFMT == S_IFDIR, st.st_uid == getuid(),
      st.st_mode & 0o077 == 0
    else {
      throw StoreError.invalid("临时目录 \(dir) 不是本用户私有的目录(应为本用户所有、权限 0700),同步文件未导入")
    }
    return dir
  }

  /// A new name in the folder for a copy made by this process.
  static func newCopyPath(in dir: String) -> String {
    var bytes = [UInt8](repeating: 0, count: 8)
    for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
    let tag = bytes.map { String(format: "%02x", $0) }.joined()
    return (dir as NSString).appendingPathComponent("import-\(getpid())-\(tag).zwfb")
  }

  /// Whether the folder's filesystem has room for `bytes` more, with a margin for SQLite.
  static func checkFreeSpace(_ dir: String, for bytes: Int) throws {
    var fs = statvfs()
    guard statvfs(dir, &fs) == 0 else { return }
    let free = Int(fs.f_bavail) * Int(fs.f_frsize)
    let needed = bytes + 16 << 20
    if free < needed {
      throw StoreError.invalid(
        "临时目录 \(dir) 可用空间不足(需要 \(needed >> 20) MB,只有 \(free >> 20) MB),同步文件未导入;请清理磁盘或用 TMPDIR 指定别的目录"
      )
    }
  }

  /// Removes the copies of imports whose process is gone (a SIGKILL, a power cut).
  public static func removeLeftovers() {
    let dir = path
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
    for name in names where name.hasPrefix("import-") {
      let parts = name.split(separator: "-")
      guard parts.count >= 3, let pid = pid_t(parts[1]) else { continue }
      if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
        unlink((dir as NSString).appendingPathComponent(name))
      }
    }
  }

  // MARK: Removal on a signal

  /// NUL-terminated paths the signal handler unlinks; written only under `lock`, read by the
  /// handler (a plain memory read and `unlink` are async-signal-safe).
  nonisolated(unsafe) static let paths: UnsafeMutablePointer<CChar> = {
    let p = UnsafeMutablePointer<CChar>.allocate(capacity: slots * slotSize)
    p.initialize(repeating: 0, count: slots * slotSize)
    return p
  }()
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  /// What each signal did before our handler, restored when nothing is tracked any more.
  nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 3)
    p.initialize(repeating: sigaction(), count: 3)
    return p
  }()
  nonisolated(unsafe) static var tracked = 0
  static let lock = NSLock()

  /// Removes `path` if the process is interrupted (SIGINT/SIGTERM/SIGHUP) before `untrack`.
  static func track(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    guard path.utf8.count < slotSize,
      let slot = (0..<slots).first(where: { paths[$0 * slotSize] == 0 })
    else { return }
    _ = path.withCString { strcpy(paths + slot * slotSize, $0) }
    tracked += 1
    if tracked == 1 {
      for (i, sig) in signals.enumerated() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = scratchSignalHandler
        sigemptyset(&action.sa_mask)
        sigaction(sig, &action, previous + i)
      }
    }
  }

  static func untrack(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    for slot in 0..<slots where String(cString: paths + slot * slotSize) == path {
      paths[slot * slotSize] = 0
      tracked -= 1
      if tracked == 0 {
        for (i, sig) in signals.enumerated() { sigaction(sig, previous + i, nil) }
      }
    }
  }
}

/// Unlinks every tracked copy, then lets the signal do what it did before (by default: end the
/// process).
private func scratchSignalHandler(_ sig: Int32) {
  for slot in 0..<ScratchFolder.slots {
    let p = ScratchFolder.paths + slot * ScratchFolder.slotSize
    if p.pointee != 0 { unlink(p) }
  }
  if let i = ScratchFolder.signals.firstIndex(of: sig) {
    sigaction(sig, ScratchFolder.previous + i, nil)
  } else {
    signal(sig, SIG_DFL)
  }
  raise(sig)
}
