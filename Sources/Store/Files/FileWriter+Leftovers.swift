import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// 残留临时文件 — what a writer killed mid-write (SIGKILL, a power cut) leaves in a target folder:
/// its temporary file `.NAME.PID-RANDOM.tmp` and SQLite's side files of it (`-journal`, `-wal`,
/// `-shm`), which `PendingFile.abandon` would have removed. The next write into the folder
/// removes them, and only them: a name of exactly that shape, a regular file (never a link,
/// which is neither followed nor removed), untouched for a minute, whose PID names no process
/// on this machine (`kill(pid, 0)` fails with ESRCH: a live writer, or a PID taken again by
/// another process, keeps its file). Removed by name in the folder already opened
/// (`unlinkat` on its descriptor), so a folder swapped for a link meanwhile is never reached.
extension FileWriter {
  /// A temporary file left this long unchanged may be removed (a live writer changes it, or its
  /// PID is alive).
  static let leftoverAge: time_t = 60

  /// Removes the folder's leftovers (see above); best effort — a write never fails for them.
  /// - Returns: the names removed.
  @discardableResult
  static func removeLeftovers(in folder: Folder, now: time_t = time(nil)) -> [String] {
    var removed: [String] = []
    for name in folder.names() {
      guard let pid = leftoverPID(name), !processExists(pid) else { continue }
      guard let st = folder.status(name), st.st_mode & S_IFMT == S_IFREG,
        now - st.st_mtim.tv_sec >= leftoverAge
      else { continue }
      if unlinkat(folder.fd, name, 0) == 0 { removed.append(name) }
    }
    return removed
  }

  /// The writer's PID when `name` is exactly one of our temporary names (`PendingFile`), or a
  /// SQLite side file of one; nil for any other name.
  static func leftoverPID(_ name: String) -> pid_t? {
    var base = Substring(name)
    for suffix in ["-journal", "-wal", "-shm"] where base.hasSuffix(suffix) {
      base = base.dropLast(suffix.count)
      break
    }
    guard base.hasPrefix("."), base.hasSuffix(".tmp") else { return nil }
    base = base.dropFirst().dropLast(4)
    // NAME.PID-RANDOM: the target's name (any characters, dots too), then ours.
    guard let dot = base.lastIndex(of: "."), dot > base.startIndex else { return nil }
    let parts = base[base.index(after: dot)...].split(
      separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 12,
      parts[1].allSatisfy({ $0.isASCII && ($0.isNumber || ("a"..."f").contains($0)) }),
      (1...10).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
      let pid = pid_t(parts[0]), pid > 0
    else { return nil }
    return pid
  }

  /// Whether a process with this PID exists here (alive or a zombie, ours or another user's:
  /// only ESRCH says there is none).
  static func processExists(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno != ESRCH
  }
}

extension Folder {
  /// The UTF-8 names in the folder (without `.` and `..`), read through a descriptor of its own so
  /// the folder's stays as it is; empty when it cannot be read.
  func names() -> [String] {
    let own = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard own >= 0 else { return [] }
    guard let dir = fdopendir(own) else {
      close(own)
      return []
    }
    defer { closedir(dir) }
    var out: [String] = []
    while let entry = readdir(dir) {
      // A name that is not UTF-8 is none of ours (and decoding it lossily could name another).
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) {
          String(validatingCString: $0)
        }
      }
      if let name, name != ".", name != ".." { out.append(name) }
    }
    return out
  }
}
